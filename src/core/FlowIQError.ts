export type FlowIQErrorCode =
  | "config"
  | "invalid_lookup"
  | "unauthorized"
  | "forbidden"
  | "rate_limited"
  | "server"
  | "network"
  | "timeout"
  | "invalid_response";

const RETRYABLE: ReadonlySet<FlowIQErrorCode> = new Set(["rate_limited", "server", "network", "timeout"]);

export type FlowIQErrorOptions = {
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
};

/** The one error type this library throws. Its message never contains the API key. */
export class FlowIQError extends Error {
  override readonly name = "FlowIQError";
  readonly code: FlowIQErrorCode;
  /** The HTTP status, when the error came from a response. */
  readonly status?: number;
  /** How long the API asked us to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(code: FlowIQErrorCode, message: string, options: FlowIQErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  /** Whether trying again later may succeed (network, timeout, 5xx, 429). */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

/** Type guard for {@link FlowIQError}; works across bundle copies by checking the shape. */
export function isFlowIQError(value: unknown): value is FlowIQError {
  if (value instanceof FlowIQError) return true;
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { name?: unknown }).name === "FlowIQError" &&
    typeof (value as { code?: unknown }).code === "string" &&
    value instanceof Error
  );
}
