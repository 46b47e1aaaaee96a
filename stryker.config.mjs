// Mutation testing: `npm run test:mutation` (slow, not part of `npm test`) runs this config once per
// folder (scripts/mutation.mjs), each with its own incremental file under mutation/, then MUTATION.md.
// A trial on a few files: `npx stryker run --mutate src/core/retryPolicy.ts --incrementalFile reports/trial.json`.
// The library's logic: core, server, React layer and the components' TypeScript (no CSS, no stories).
const mutate = [
  "src/core/**/*.ts",
  "src/server/**/*.ts",
  "src/react/**/*.{ts,tsx}",
  "src/components/**/*.{ts,tsx}",
  // Type declarations only: nothing to mutate.
  "!src/core/types.ts",
];

/** The folders mutated, each its own run in `npm run test:mutation`: core, server, react, components. */
export const folders = [...new Set(mutate.map((pattern) => pattern.match(/^!?src\/([^/]+)\//)[1]))];

// scripts/mutation.mjs names one folder per run; its patterns are the list's within that folder.
const folder = process.env.MUTATION_FOLDER;
if (folder !== undefined && !folders.includes(folder)) throw new Error(`MUTATION_FOLDER: choose from ${folders.join(", ")}.`);

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "stryker.vitest.config.ts", related: false },
  mutate: folder === undefined ? mutate : mutate.filter((pattern) => pattern.replace(/^!/, "").startsWith(`src/${folder}/`)),
  // Only the tests that cover a mutant run for it.
  coverageAnalysis: "perTest",
  // A rerun tests only the mutants whose code or covering tests changed since the last one; the
  // file (the full report, one per folder, committed) is what MUTATION.md is written from.
  incremental: true,
  incrementalFile: folder === undefined ? "reports/stryker-incremental.json" : `mutation/${folder}.json`,
  // A mutant in module-level code (a constant, a regex) would need the whole suite per mutant
  // (about a minute each here); they are counted in MUTATION.md as not run.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10_000,
  // The first run of the whole suite, instrumented, in one thread: minutes on a busy 2-core machine.
  dryRunTimeoutMinutes: 30,
  reporters: ["html", "clear-text", "progress"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  ignorePatterns: ["dist", "storybook-static", "docs", "reports", "mutation", "coverage", "test-results", "etc"],
  thresholds: { high: 90, low: 85, break: null },
};
