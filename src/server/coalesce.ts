/**
 * Identical work in flight is done once: the first caller of a key starts it,
 * later callers of the same key wait on the same promise. Each caller keeps its
 * own signal: one leaving stops waiting for itself only; the shared work is
 * aborted when every caller has left.
 */
export type Coalescer<T> = {
  run(key: string, signal: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Keys in flight now (for tests and monitoring). */
  readonly size: number;
};

type Flight<T> = { promise: Promise<T>; waiting: number; controller: AbortController };

export function createCoalescer<T>(): Coalescer<T> {
  const flights = new Map<string, Flight<T>>();

  function join(flight: Flight<T>, signal: AbortSignal): Promise<T> {
    flight.waiting += 1;
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const leave = () => {
        if (done) return;
        done = true;
        signal.removeEventListener("abort", onAbort);
        flight.waiting -= 1;
      };
      const onAbort = () => {
        leave();
        // The last one out cancels the upstream call nobody waits for any more.
        if (flight.waiting === 0) flight.controller.abort(signal.reason);
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort);
      flight.promise.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }

  return {
    run(key, signal, work) {
      let flight = flights.get(key);
      // Work whose callers have all left is being cancelled: a caller arriving before it settles
      // starts it again rather than hear the cancelled answer.
      if (!flight || flight.controller.signal.aborted) {
        const controller = new AbortController();
        const started: Flight<T> = { promise: Promise.resolve() as Promise<unknown> as Promise<T>, waiting: 0, controller };
        // Started on the next microtask, so the flight is registered before `work` can settle.
        started.promise = Promise.resolve()
          .then(() => work(controller.signal))
          .finally(() => {
            if (flights.get(key) === started) flights.delete(key);
          });
        // Nobody may be left to hear a failure (all callers aborted): never an unhandled rejection.
        started.promise.catch(() => undefined);
        flights.set(key, started);
        flight = started;
      }
      return join(flight, signal);
    },
    get size() {
      return flights.size;
    },
  };
}
