/**
 * What went wrong, as `FlowIQError.code`: `config` (set up wrong, no request made),
 * `invalid_lookup` (not a phone number), `session_refused` (your proxy refused the visitor),
 * `unauthorized` and `forbidden` (the API refused the key), `rate_limited`, `server`, `network`,
 * `timeout` and `invalid_response`. Switch on it to decide what to show.
 * @example if (isFlowIQError(error) && error.code === "rate_limited") showToast("Too many lookups, try again soon");
 */
export type FlowIQErrorCode =
  | "config"
  | "invalid_lookup"
  | "session_refused"
  | "unauthorized"
  | "forbidden"
  | "rate_limited"
  | "server"
  | "network"
  | "timeout"
  | "invalid_response";

/**
 * The codes where trying again later may succeed: network, timeout, 5xx and 429.
 * @example const passing = RETRYABLE_CODES.includes(error.code);
 */
export const RETRYABLE_CODES: readonly FlowIQErrorCode[] = ["rate_limited", "server", "network", "timeout"];

/**
 * Whether an error of this code may succeed when tried again later.
 * @example isRetryableCode(error.code) ? <button onClick={retry}>Try again</button> : null
 */
export function isRetryableCode(code: FlowIQErrorCode): boolean {
  return RETRYABLE_CODES.includes(code);
}

export type FlowIQErrorOptions = {
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
};

/**
 * The one error type this library throws. Its message never contains the API key.
 * `session_refused`: the app's own proxy refused the visitor's session (sign in again);
 * `unauthorized`: the FlowIQ API refused the app's API key.
 * @example if (isFlowIQError(error) && error.code === "session_refused") redirect("/login");
 */
export class FlowIQError extends Error {
  override readonly name = "FlowIQError";
  readonly code: FlowIQErrorCode;
  /** The HTTP status, when the error came from a response. */
  readonly status?: number;
  /** How long the API asked us to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(code: FlowIQErrorCode, message: string, { status, retryAfterMs, cause }: FlowIQErrorOptions = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    if (status !== undefined) this.status = status;
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }

  /** Whether trying again later may succeed (network, timeout, 5xx, 429). */
  get retryable(): boolean {
    return isRetryableCode(this.code);
  }
}

/**
 * Type guard for {@link FlowIQError}; also true for one from another copy of the library.
 * @example if (isFlowIQError(error) && error.retryable) setTimeout(refetch, error.retryAfterMs ?? 5000);
 */
export function isFlowIQError(value: unknown): value is FlowIQError {
  return value instanceof Error && value.name === "FlowIQError" && typeof (value as FlowIQError).code === "string";
}

/** A `config` error: the library was set up wrong, so nothing was asked of the network. */
export function configError(message: string, cause?: unknown): FlowIQError {
  return new FlowIQError("config", message, { cause });
}
