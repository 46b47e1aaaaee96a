// Mutation testing: `npm run test:mutation` (slow, not part of `npm test`), then MUTATION.md.
// A trial on a few files: `npx stryker run --mutate src/core/retryPolicy.ts`.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "stryker.vitest.config.ts", related: false },
  // The library's logic: core, server, React layer and the components' TypeScript (no CSS, no stories).
  mutate: [
    "src/core/**/*.ts",
    "src/server/**/*.ts",
    "src/react/**/*.{ts,tsx}",
    "src/components/**/*.{ts,tsx}",
    // Type declarations only: nothing to mutate.
    "!src/core/types.ts",
  ],
  // Only the tests that cover a mutant run for it.
  coverageAnalysis: "perTest",
  // A rerun tests only the mutants whose code or covering tests changed since the last one.
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  // A mutant in module-level code (a constant, a regex) would need the whole suite per mutant
  // (about a minute each here); they are counted in MUTATION.md as not run.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10_000,
  // The first run of the whole suite, instrumented, in one thread: minutes on a busy 2-core machine.
  dryRunTimeoutMinutes: 30,
  reporters: ["json", "html", "clear-text", "progress"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  ignorePatterns: ["dist", "storybook-static", "docs", "reports", "coverage", "test-results", "etc"],
  thresholds: { high: 90, low: 85, break: null },
};
