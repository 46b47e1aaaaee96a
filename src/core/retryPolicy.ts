import { isFlowIQError } from "./FlowIQError.js";

/** Retries after the first failure; so at most four requests per query. */
const MAX_RETRIES = 3;
/** A `Retry-After` longer than this is not waited out: the error is shown instead. */
export const MAX_RETRY_AFTER_MS = 30_000;

/** react-query's `retry`: network, timeout, 5xx and 429 only, at most three times. */
export function shouldRetryContact(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isFlowIQError(error) || !error.retryable) return false;
  return error.retryAfterMs === undefined || error.retryAfterMs <= MAX_RETRY_AFTER_MS;
}

/** react-query's `retryDelay`: `Retry-After` when the API sent one, else 1 s, 2 s, 4 s (capped at 30 s). */
export function contactRetryDelay(failureCount: number, error: unknown): number {
  if (isFlowIQError(error) && error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS);
  }
  // react-query counts failures from 0 here, so 1 s, 2 s, 4 s.
  return Math.min(1000 * 2 ** Math.max(0, failureCount), 30_000);
}

/** Reads `Retry-After` in either form (delay-seconds or an HTTP-date) as milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
