import { describe, expect, it } from "vitest";
import {
  configError,
  FlowIQError,
  type FlowIQErrorCode,
  isFlowIQError,
  isRetryableCode,
  RETRYABLE_CODES,
} from "../../src/core/FlowIQError.js";

const CODES: FlowIQErrorCode[] = [
  "config",
  "invalid_lookup",
  "session_refused",
  "unauthorized",
  "forbidden",
  "rate_limited",
  "server",
  "network",
  "timeout",
  "invalid_response",
];
const PASSING = new Set<FlowIQErrorCode>(["rate_limited", "server", "network", "timeout"]);

describe("FlowIQError", () => {
  it.each(CODES)("says whether %s may pass when tried again, in all three places", (code) => {
    expect(RETRYABLE_CODES.includes(code)).toBe(PASSING.has(code));
    expect(isRetryableCode(code)).toBe(PASSING.has(code));
    expect(new FlowIQError(code, "x").retryable).toBe(PASSING.has(code));
  });

  it("keeps the cause it was given", () => {
    const cause = new TypeError("fetch failed");
    const error = new FlowIQError("network", "The network failed.", { cause, status: 503, retryAfterMs: 2000 });
    expect(error.cause).toBe(cause);
    expect(error).toMatchObject({ name: "FlowIQError", code: "network", message: "The network failed.", status: 503, retryAfterMs: 2000 });
    // A falsy cause is still a cause.
    expect(new FlowIQError("server", "x", { cause: 0 }).cause).toBe(0);
  });

  it("has no cause at all when given none (a logger prints no '[cause]: undefined')", () => {
    const error = new FlowIQError("timeout", "Timed out.");
    expect("cause" in error).toBe(false);
    expect("cause" in new FlowIQError("timeout", "Timed out.", { status: 504 })).toBe(false);
  });

  it("configError is a config error that keeps its cause", () => {
    const cause = new RangeError("bad url");
    const error = configError("baseUrl is not a URL.", cause);
    expect(error).toBeInstanceOf(FlowIQError);
    expect(error.code).toBe("config");
    expect(error.message).toBe("baseUrl is not a URL.");
    expect(error.cause).toBe(cause);
    expect("cause" in configError("tenantId is missing.")).toBe(false);
  });
});

describe("isFlowIQError", () => {
  it("is true for a FlowIQError, also one from another copy of the library", () => {
    expect(isFlowIQError(new FlowIQError("server", "x"))).toBe(true);
    const fromOtherCopy = Object.assign(new Error("x"), { name: "FlowIQError", code: "server" });
    expect(isFlowIQError(fromOtherCopy)).toBe(true);
  });

  it("is false for other errors that carry a string code, such as Node's system errors", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:443"), { code: "ECONNREFUSED" });
    expect(isFlowIQError(refused)).toBe(false);
    expect(isFlowIQError(Object.assign(new Error("x"), { name: "FlowIQError" }))).toBe(false);
    expect(isFlowIQError({ name: "FlowIQError", code: "server", message: "x" })).toBe(false);
    expect(isFlowIQError(null)).toBe(false);
  });
});
