export type FlowIQErrorCode =
  | "config"
  | "invalid_lookup"
  | "unauthorized"
  | "session_refused"
  | "forbidden"
  | "rate_limited"
  | "server"
  | "network"
  | "timeout"
  | "invalid_response";

export type FlowIQErrorOptions = {
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
};

/**
 * The codes for which trying again later may succeed: network, timeout, 5xx, 429.
 * @example RETRYABLE_CODES.includes("timeout") // true
 */
export const RETRYABLE_CODES = ["rate_limited", "server", "network", "timeout"] as const;

/**
 * Whether an error with this code may succeed when tried again later.
 * @example isRetryableCode("unauthorized") // false
 */
export function isRetryableCode(code: string): boolean {
  return (RETRYABLE_CODES as readonly string[]).includes(code);
}

/** The one error type this library throws. Its message never contains the API key. */
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

/** Type guard for {@link FlowIQError}; also true for one from another copy of the library. */
export function isFlowIQError(value: unknown): value is FlowIQError {
  return value instanceof Error && value.name === "FlowIQError" && typeof (value as FlowIQError).code === "string";
}
