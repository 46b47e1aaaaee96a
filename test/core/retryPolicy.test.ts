import { describe, expect, it } from "vitest";
import { FlowIQError, type FlowIQErrorCode } from "../../src/core/FlowIQError.js";
import { contactRetryDelay, parseRetryAfter, shouldRetryContact } from "../../src/core/retryPolicy.js";

const error = (code: FlowIQErrorCode, retryAfterMs?: number) =>
  new FlowIQError(code, code, retryAfterMs === undefined ? {} : { retryAfterMs });

describe("the retry policy", () => {
  it.each<FlowIQErrorCode>(["network", "timeout", "server", "rate_limited"])("retries %s up to three times", (code) => {
    expect(shouldRetryContact(0, error(code))).toBe(true);
    expect(shouldRetryContact(2, error(code))).toBe(true);
    expect(shouldRetryContact(3, error(code))).toBe(false);
  });

  it.each<FlowIQErrorCode>(["config", "invalid_lookup", "unauthorized", "forbidden", "invalid_response"])(
    "never retries %s",
    (code) => {
      expect(shouldRetryContact(0, error(code))).toBe(false);
    },
  );

  it("never retries an error that is not a FlowIQError", () => {
    expect(shouldRetryContact(0, new Error("boom"))).toBe(false);
  });

  it("does not wait out a Retry-After longer than 30 s", () => {
    expect(shouldRetryContact(0, error("rate_limited", 120_000))).toBe(false);
    expect(shouldRetryContact(0, error("rate_limited", 5_000))).toBe(true);
  });

  it("backs off exponentially, and honours Retry-After", () => {
    // react-query passes the failures so far, from 0.
    expect([0, 1, 2].map((n) => contactRetryDelay(n, error("server")))).toEqual([1000, 2000, 4000]);
    expect(contactRetryDelay(10, error("server"))).toBe(30_000);
    expect(contactRetryDelay(1, error("rate_limited", 7_000))).toBe(7_000);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-1", now)).toBeUndefined();
    expect(parseRetryAfter("1.5", now)).toBeUndefined();
  });

  it("reads delay-seconds around spaces and after leading zeros", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter(" 3 ", now)).toBe(3000);
    expect(parseRetryAfter("000000001", now)).toBe(1000);
    expect(parseRetryAfter("0000000120", now)).toBe(120_000);
  });
});
