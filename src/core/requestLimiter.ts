import { DEFAULT_MAX_CONCURRENT_REQUESTS, type FlowIQConfig } from "./types.js";

/** A first-in, first-out gate that lets at most `max` tasks run at once. */
export type RequestLimiter = {
  readonly active: number;
  readonly queued: number;
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
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
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

const limiters = new WeakMap<FlowIQConfig, RequestLimiter>();

/** Binds a limiter to a config object, so every request made with it shares one cap. */
export function bindRequestLimiter(config: FlowIQConfig, limiter: RequestLimiter): void {
  limiters.set(config, limiter);
}

/** The limiter for a config object: the provider's, else one made for that object. */
export function requestLimiterFor(config: FlowIQConfig): RequestLimiter {
  let limiter = limiters.get(config);
  if (!limiter) limiters.set(config, (limiter = createRequestLimiter(config.maxConcurrentRequests)));
  return limiter;
}
