import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { server } from "./server.js";

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  // Files share a thread (vitest.config.ts): no test leaves fake timers to the next file.
  vi.useRealTimers();
  server.resetHandlers();
  server.events.removeAllListeners();
});
afterAll(() => server.close());
