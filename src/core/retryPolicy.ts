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

/** The longest `Retry-After` taken at its word (an hour); anything longer, or endless, is capped to it. */
export const RETRY_AFTER_CAP_MS = 3_600_000;

/**
 * A wait in milliseconds as this library passes it on: a finite whole number of seconds from
 * 0 to {@link RETRY_AFTER_CAP_MS}, or `undefined` for anything else (negative, NaN, not a number).
 * @example clampRetryAfterMs(1e30) // 3_600_000
 */
export function clampRetryAfterMs(ms: unknown): number | undefined {
  if (typeof ms !== "number" || Number.isNaN(ms) || ms < 0) return undefined;
  return Math.min(Math.ceil(ms / 1000) * 1000, RETRY_AFTER_CAP_MS);
}

/**
 * Reads `Retry-After` in either form (delay-seconds or an HTTP-date) as milliseconds: a whole
 * number of seconds, capped at an hour (30 nines or a date a year ahead is an hour); a date in
 * the past is 0; anything else (negative, a fraction, `Infinity`, words) is `undefined`.
 * @example parseRetryAfter("120") // 120_000
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  // Digits only: however many, a long wait, never Infinity or 1e+30.
  if (/^\d+$/.test(trimmed)) return trimmed.replace(/^0+(?=\d)/, "").length > 7 ? RETRY_AFTER_CAP_MS : clampRetryAfterMs(Number(trimmed) * 1000);
  if (!/[a-z]/i.test(trimmed) || /infinity/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return clampRetryAfterMs(Math.max(0, date - now));
}
