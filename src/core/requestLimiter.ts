import { DEFAULT_MAX_CONCURRENT_REQUESTS } from "./types.js";

/** A first-in, first-out gate that lets at most `max` tasks run at once (a client's, or a route handler's). */
export type RequestLimiter = {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
};

export function createRequestLimiter(max?: number): RequestLimiter {
  const limit = max !== undefined && max >= 1 ? Math.floor(max) : DEFAULT_MAX_CONCURRENT_REQUESTS;
  const queue: Array<() => void> = [];
  let active = 0;
  const next = () => {
    if (active < limit) queue.shift()?.();
  };
  return {
    run: (task, signal) =>
      new Promise((resolve, reject) => {
        const start = () => {
          signal?.removeEventListener("abort", drop);
          active++;
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              active--;
              next();
            });
        };
        // A queued task whose caller gave up leaves the queue without ever running.
        const drop = () => {
          queue.splice(queue.indexOf(start) >>> 0, 1);
          reject(signal?.reason);
        };
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener("abort", drop);
        queue.push(start);
        next();
      }),
  };
}
