import { FlowIQError } from "../core/FlowIQError.js";

export type RequestDeadline = { signal: AbortSignal; remainingMs(): number; clear(): void };

/**
 * One deadline per request, started at its arrival: it covers `authorize`, the wait for a slot
 * under the request cap and the upstream call, so a lookup is answered (504) about `ms` after it
 * came, however long the queue. The visitor going away aborts it too.
 */
export function startDeadline(ms: number, visitor: AbortSignal): RequestDeadline {
  const started = Date.now();
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new FlowIQError("timeout", `No answer from the FlowIQ API within ${ms} ms of the request's arrival.`)),
    ms,
  );
  const leave = () => controller.abort(visitor.reason);
  if (visitor.aborted) leave();
  visitor.addEventListener("abort", leave, { once: true });
  return {
    signal: controller.signal,
    remainingMs: () => Math.max(0, ms - (Date.now() - started)),
    clear() {
      clearTimeout(timer);
      visitor.removeEventListener("abort", leave);
    },
  };
}
