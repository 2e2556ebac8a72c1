/**
 * Lambda's asynchronous invocation, locally: run the handler, retry a failure up to twice
 * (Lambda's default), then hand the event to the failure destination. Tracks what is in
 * flight so the runtime can wait for everything to settle.
 */
export class AsyncInvoker<Event> {
  private inFlight = 0;
  private readonly idleWaiters: Array<() => void> = [];
  readonly deadLetters: Array<{ event: Event; error: string }> = [];

  constructor(
    private readonly name: string,
    private readonly handler: (event: Event) => Promise<unknown>,
    private readonly retries = 2,
  ) {}

  invoke(event: Event): void {
    this.inFlight += 1;
    void this.run(event).finally(() => {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
  }

  /** Resolves when nothing is running; fails after `timeoutMs` naming what is still busy. */
  settle(timeoutMs = 30_000): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`${this.name}: ${this.inFlight} invocation(s) still running after ${timeoutMs} ms`),
          ),
        timeoutMs,
      );
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async run(event: Event): Promise<void> {
    let lastError = 'unknown error';
    for (let attempt = 0; attempt <= this.retries; attempt += 1) {
      try {
        await this.handler(event);
        return;
      } catch (error) {
        lastError = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
      }
    }
    this.deadLetters.push({ event, error: lastError });
    process.stderr.write(`${this.name}: dead-lettered after ${this.retries + 1} attempts (${lastError})\n`);
  }
}
