import { FlowIQError } from "../core/FlowIQError.js";
import { holdsKey, redact } from "../core/redact.js";

type OnError = ((error: FlowIQError, request: Request) => void | Promise<void>) | undefined;

/**
 * What `onError` may be handed: the error itself, or, when it (its message, cause chain,
 * a `Headers` or `Request` in it) holds any run of the key, a copy with the same code, status
 * and wait, a redacted message and no cause.
 */
export function safeToReport(error: FlowIQError, key: string | undefined): FlowIQError {
  if (!key || !holdsKey(error, key)) return error;
  const options: { status?: number; retryAfterMs?: number } = {};
  if (error.status !== undefined) options.status = error.status;
  if (error.retryAfterMs !== undefined) options.retryAfterMs = error.retryAfterMs;
  return new FlowIQError(error.code, redact(error.message, key), options);
}

/** Calls the app's onError so that neither a throw nor a rejected promise from it can escape. */
function callSafely(onError: OnError, error: FlowIQError, request: Request): void {
  if (!onError) return;
  try {
    const returned: unknown = onError(error, request);
    // An async logger that rejects would otherwise be an unhandled rejection: a crashed process.
    if (returned && typeof (returned as PromiseLike<unknown>).then === "function") {
      Promise.resolve(returned).catch(() => undefined);
    }
  } catch {
    // A failing logger must not turn a clean 5xx into a crash.
  }
}

export type ErrorReporter = {
  report(error: FlowIQError): void;
  /** For a batch: sends what was held back (its timeouts, as one report). */
  flush(): void;
};

/**
 * Reports upstream failures to `onError`, key-safe. A single lookup's failure is reported at
 * once. In a batch each failed upstream call is reported on its own, but the contacts its
 * deadline cut are one `timeout` report for the batch: a saturated batch is one event, not 50.
 */
export function createErrorReporter(
  onError: OnError,
  request: Request,
  keyOf: () => string | undefined,
  batch?: { deadlineMs: number },
): ErrorReporter {
  const timeouts: FlowIQError[] = [];
  const send = (error: FlowIQError) => callSafely(onError, safeToReport(error, keyOf()), request);
  return {
    report(error) {
      if (batch && error.code === "timeout") timeouts.push(error);
      else send(error);
    },
    flush() {
      const [first] = timeouts;
      if (!batch || !first) return;
      send(
        timeouts.length === 1
          ? first
          : new FlowIQError("timeout", `${timeouts.length} contacts of one batch got no answer from the FlowIQ API within ${batch.deadlineMs} ms.`),
      );
      timeouts.length = 0;
    },
  };
}
