import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The repository root: `npm start` runs from there. */
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const READY_LINE = 'Press Ctrl-C to stop.';

export interface ProcessEntry {
  pid: number;
  ppid: number;
  pgid: number;
  /** `ps` state; a `Z` (zombie) has ended and holds nothing but its entry in the process table. */
  state: string;
  args: string;
}

const psLine = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/;

/** Every process on the machine, as `ps` lists it (the same options work on Linux and macOS). */
export const listProcesses = async (): Promise<ProcessEntry[]> => {
  const { stdout } = await promisify(execFile)(
    'ps',
    ['-A', '-o', 'pid=', '-o', 'ppid=', '-o', 'pgid=', '-o', 'stat=', '-o', 'args='],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout.split('\n').flatMap((line) => {
    const match = psLine.exec(line);
    if (match === null) return [];
    const [, pid, ppid, pgid, state, args] = match;
    return [
      { pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid), state: state ?? '', args: args ?? '' },
    ];
  });
};

/** The process `root` and everything it started, however deep, from one `ps` listing. */
export const descendantsOf = (all: readonly ProcessEntry[], root: number): ProcessEntry[] => {
  const found = all.filter((entry) => entry.pid === root);
  for (let index = 0; index < found.length; index += 1) {
    const parent = found[index]?.pid;
    for (const entry of all) if (entry.ppid === parent && !found.includes(entry)) found.push(entry);
  }
  return found;
};

export const isRunning = (entry: ProcessEntry): boolean => !entry.state.startsWith('Z');

/**
 * Waits until none of `pids` is a running process (gone, or a zombie nobody reaped); fails after
 * `timeoutMs` naming the survivors.
 */
export const waitUntilGone = async (pids: readonly ProcessEntry[], timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = await listProcesses();
    // A pid is the same process if it still runs the same command line (pids are reused).
    const survivors = pids.filter((wanted) =>
      all.some((entry) => entry.pid === wanted.pid && entry.args === wanted.args && isRunning(entry)),
    );
    if (survivors.length === 0) return;
    if (Date.now() > deadline) {
      const listed = survivors.map((entry) => `  ${entry.pid} ${entry.args.slice(0, 160)}`).join('\n');
      throw new Error(
        `${survivors.length} process(es) still running ${timeoutMs} ms after the kill:\n${listed}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export interface LocalProcessOptions {
  /** REDRESS_DATA_DIR and anything else `infra/local/local-config.ts` reads. */
  env: Record<string, string>;
  /** How long `npm start` may take to print its banner. */
  readyTimeoutMs?: number;
}

/** What `npm start` printed in its banner. */
export interface LocalEndpoints {
  url: string;
  dynamoDb: string;
  tableName: string;
  ses: string;
  intakeQueueUrl: string;
  /** The complaints mailbox: host and port of the local SMTP receiver. */
  smtp: { host: string; port: number };
}

export interface LocalProcess extends LocalEndpoints {
  /**
   * The `npm start` process. It leads a process group of its own, which holds everything it
   * started except DynamoDB Local: that runs in a group of its own and ends when the runtime does.
   */
  pid: number;
  /** Everything printed on stdout and stderr so far. */
  output(): string;
  stderr(): string;
  /** The process and all its descendants right now. */
  tree(): Promise<ProcessEntry[]>;
  /** Sends `signal` to the whole process group, as a terminal or a supervisor would. */
  signalGroup(signal: NodeJS.Signals): void;
  /** Resolves when `npm start` has exited; fails after `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<void>;
  /**
   * Stops it as Ctrl-C would (SIGINT to the group), SIGKILLs the group if that takes too long, and
   * waits until nothing it started is left running.
   */
  stop(): Promise<void>;
}

const bannerValue = (output: string, label: string): string => {
  const match = new RegExp(`^\\s*${label}\\s+(\\S+)`, 'm').exec(output);
  if (match?.[1] === undefined) throw new Error(`the banner has no "${label}" line:\n${output}`);
  return match[1];
};

const smtpOf = (address: string): { host: string; port: number } => {
  const { hostname, port } = new URL(address);
  return { host: hostname, port: Number(port) };
};

const exitOf = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/**
 * Starts the local system as a person does, with `npm start` from the repository root, in a
 * process group of its own, and resolves with the addresses its banner prints.
 */
export const startLocalProcess = async (options: LocalProcessOptions): Promise<LocalProcess> => {
  const child = spawn('npm', ['start'], {
    cwd: projectRoot,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { pid } = child;
  if (pid === undefined) throw new Error('npm start could not be spawned');
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = exitOf(child);
  const output = () => `${stdout}${stderr === '' ? '' : `\n--- stderr ---\n${stderr}`}`;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const waitForExit = async (timeoutMs: number) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`npm start (pid ${pid}) had not exited ${timeoutMs} ms later:\n${output()}`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  const readyTimeoutMs = options.readyTimeoutMs ?? 240_000;
  const deadline = Date.now() + readyTimeoutMs;
  while (!stdout.includes(READY_LINE)) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `npm start exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`,
      );
    }
    if (Date.now() > deadline) {
      signalGroup('SIGKILL');
      throw new Error(`npm start was not ready within ${readyTimeoutMs} ms:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    pid,
    url: bannerValue(stdout, 'complaint form').replace(/\/$/, ''),
    dynamoDb: bannerValue(stdout, 'DynamoDB Local'),
    tableName: bannerValue(stdout, 'DynamoDB Local\\s+\\S+\\s+\\(table').replace(/\)$/, ''),
    ses: bannerValue(stdout, 'SES \\(local\\)'),
    intakeQueueUrl: bannerValue(stdout, 'SQS \\(local\\)'),
    smtp: smtpOf(bannerValue(stdout, 'complaints mailbox')),
    output,
    stderr: () => stderr,
    tree: async () => descendantsOf(await listProcesses(), pid),
    signalGroup,
    waitForExit,
    stop: async () => {
      const started = descendantsOf(await listProcesses(), pid);
      signalGroup('SIGINT');
      try {
        await waitForExit(20_000);
      } catch {
        signalGroup('SIGKILL');
        await waitForExit(10_000);
      }
      await waitUntilGone(started, 15_000);
    },
  };
};
