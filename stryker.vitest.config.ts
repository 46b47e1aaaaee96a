import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

/**
 * The unit suite (vitest.config.ts's "unit" project) as one plain config for StrykerJS, whose Vitest
 * runner wants a config without projects and runs it in one thread. The browser projects and the
 * React 18 rerun are left out: they test the same source again and would only slow each mutant.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    environment: "jsdom",
    globals: true,
    include: ["test/**/*.test.{ts,tsx}"],
    // The request-cap checks count the peak of requests in flight over a whole page of cards: under
    // Stryker's instrumentation on a busy machine the peak can fall short of the cap (seen: 3 of 6)
    // and one such failure in the first run stops the whole mutation run. The limiter itself is
    // mutated against test/core/requestLimiter.test.ts. (test/perf/useContacts.test.tsx checks
    // identities and requests, not time, and stays in.)
    // test/redis runs the handler in processes of its own (a node project of its own in npm test):
    // no mutant reaches them.
    exclude: ["test/perf/concurrency.test.tsx", "test/redis/**"],
    env: { REACT_MAJOR: "19" },
    setupFiles: ["test/setup.ts", "stryker.setup.ts"],
    // As in the unit project: files share their environment (each test puts back what it changes).
    isolate: false,
    restoreMocks: true,
    unstubGlobals: true,
    unstubEnvs: true,
    // Instrumented code in one thread on a busy machine: the property tests need more room than in npm test.
    testTimeout: 60_000,
  },
});
