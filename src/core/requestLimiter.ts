import { DEFAULT_MAX_CONCURRENT_REQUESTS, type FlowIQConfig } from "./types.js";

type Waiter = { start: () => void; signal: AbortSignal | undefined; onAbort: () => void };

/** A first-in, first-out gate that lets at most `max` tasks run at once. */
export type RequestLimiter = {
  max: number;
  readonly active: number;
  readonly queued: number;
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
};

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

export function createRequestLimiter(max = DEFAULT_MAX_CONCURRENT_REQUESTS): RequestLimiter {
  const queue: Waiter[] = [];
  let active = 0;

  const limiter: RequestLimiter = {
    max,
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          active++;
          let settled: Promise<T>;
          try {
            settled = task();
          } catch (error) {
            settled = Promise.reject(error);
          }
          settled.then(resolve, reject).finally(() => {
            active--;
            next();
          });
        };
        if (active < limit() && queue.length === 0) {
          start();
          return;
        }
        const waiter: Waiter = {
          start: () => {
            signal?.removeEventListener("abort", waiter.onAbort);
            start();
          },
          signal,
          onAbort: () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            reject(abortReason(signal as AbortSignal));
          },
        };
        signal?.addEventListener("abort", waiter.onAbort, { once: true });
        queue.push(waiter);
      });
    },
  };

  function limit(): number {
    const value = Math.floor(limiter.max);
    return Number.isFinite(value) && value >= 1 ? value : DEFAULT_MAX_CONCURRENT_REQUESTS;
  }

  function next() {
    while (active < limit() && queue.length > 0) {
      (queue.shift() as Waiter).start();
    }
  }

  return limiter;
}

const limiters = new WeakMap<object, RequestLimiter>();

/** Binds a limiter to a config object, so every request made with it shares one cap. */
export function bindRequestLimiter(config: FlowIQConfig, limiter: RequestLimiter): void {
  limiters.set(config, limiter);
}

/** The limiter for a config object: the provider's, else one made for that object. */
export function requestLimiterFor(config: FlowIQConfig): RequestLimiter {
  let limiter = limiters.get(config);
  if (!limiter) {
    limiter = createRequestLimiter(config.maxConcurrentRequests);
    limiters.set(config, limiter);
  }
  return limiter;
}
