/**
 * Runs asynchronous jobs one after another, in the order they were queued. Recording follows the order
 * of kernel traffic (a request before its outputs before its reply) without making the traffic wait.
 */
export class SerialQueue {
  #tail: Promise<void> = Promise.resolve();

  constructor(private readonly onError: (error: unknown) => void) {}

  push(job: () => Promise<void>): void {
    this.#tail = this.#tail.then(job).catch(this.onError);
  }

  /** Resolves once every job queued so far has finished. */
  drained(): Promise<void> {
    return this.#tail;
  }
}
