import { describe, expect, it, vi } from "vitest";
import { isDevelopment } from "../../src/core/env.js";

describe("isDevelopment", () => {
  it("is true under a development or test NODE_ENV, false under production", () => {
    vi.stubEnv("NODE_ENV", "development");
    expect(isDevelopment()).toBe(true);
    vi.stubEnv("NODE_ENV", "test");
    expect(isDevelopment()).toBe(true);
    vi.stubEnv("NODE_ENV", "production");
    expect(isDevelopment()).toBe(false);
  });

  it("is false, without throwing, on a page with no process at all (plain ESM in a browser)", () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, "process");
    expect(descriptor).toBeDefined();
    let result: unknown;
    // Only for this synchronous call: the test runner itself needs process again afterwards.
    Object.defineProperty(globalThis, "process", { value: undefined, configurable: true, writable: true });
    try {
      result = (() => {
        try {
          return isDevelopment();
        } catch (error) {
          return error;
        }
      })();
    } finally {
      Object.defineProperty(globalThis, "process", descriptor!);
    }
    expect(result).toBe(false);
  });
});
