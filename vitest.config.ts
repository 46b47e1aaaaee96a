import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { CHROMIUM_ARGS, ensureChromium } from "./scripts/ensure-chromium.mjs";

/** Whether this run includes the browser projects (no --project filter, or one naming them). */
function runsBrowserProjects(argv: string[]): boolean {
  const names: string[] = [];
  argv.forEach((arg, index) => {
    if (arg === "--project") names.push(argv[index + 1] ?? "");
    else if (arg.startsWith("--project=")) names.push(arg.slice("--project=".length));
  });
  return names.length === 0 || names.some((name) => name.startsWith("storybook") || name.includes("*"));
}

const browserRun = runsBrowserProjects(process.argv.slice(2));
const react18 = resolve(import.meta.dirname, "test/react18/node_modules");
// Vitest's default (cores - 1) is one worker on a 2-core machine, which leaves the second core idle
// while jsdom files run one by one: two workers there halve the unit run.
const nodeWorkers = Math.max(2, availableParallelism() - 1);
/**
 * What the two jsdom projects share. Files run in threads that keep their environment and modules
 * from one file to the next (isolate: false), which halves the run: each file makes its own
 * QueryClient, server handlers, stubs and timers, and the setup file and the options below put
 * them back after every test. A shuffled order (`--sequence.shuffle`) passes too.
 */
const nodeTests: NonNullable<TestProjectInlineConfiguration["test"]> = {
  pool: "threads",
  isolate: false,
  maxWorkers: nodeWorkers,
  setupFiles: ["test/setup.ts"],
  restoreMocks: true,
  unstubGlobals: true,
  unstubEnvs: true,
  testTimeout: 15_000,
};
// Debian's chromium (or $CHROMIUM_PATH), installed with apt-get when missing on a Debian root
// machine; always an explicit executablePath, so Playwright never looks for a browser of its own.
const chromium = browserRun ? ensureChromium() : undefined;

/**
 * Every story as a test in headless Chromium: play function, MSW through the real service
 * worker, and axe (parameters.a11y.test = "error", colour contrast included). One project
 * per theme, because the theme is a Storybook global that the plugin pins per project.
 */
function storybookProject(name: string, theme: "light" | "dark"): TestProjectInlineConfiguration {
  return {
    extends: true,
    plugins: [storybookTest({ configDir: ".storybook", initialGlobals: { theme } })],
    test: {
      name,
      // Play functions wait up to 15 s for a state (stories/support/checks.ts `settled`); a busy machine needs the room.
      testTimeout: 30_000,
      // One page runs its story files one after another (every story renders with its own
      // QueryClient and handlers), so MSW's service worker starts once, not once per file: half the run.
      isolate: false,
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions: { executablePath: chromium, args: CHROMIUM_ARGS } }),
        instances: [{ browser: "chromium" }],
        screenshotFailures: false,
      },
    },
  };
}

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "jsdom",
          globals: true,
          include: ["test/**/*.test.{ts,tsx}"],
          exclude: [...configDefaults.exclude, "test/redis/**"],
          env: { REACT_MAJOR: "19" },
          ...nodeTests,
        },
      },
      {
        // The hook and component suites again, against React 18.3 (the peer range says ^18 || ^19).
        extends: true,
        resolve: {
          alias: [
            { find: /^react(\/.*)?$/, replacement: `${react18}/react$1` },
            { find: /^react-dom(\/.*)?$/, replacement: `${react18}/react-dom$1` },
            // Its "main" is CommonJS, whose require() no alias reaches; its ES build imports react as ESM.
            { find: /^@testing-library\/react$/, replacement: "@testing-library/react/dist/@testing-library/react.esm.js" },
          ],
        },
        test: {
          name: "react18",
          environment: "jsdom",
          globals: true,
          include: ["test/react/**/*.test.{ts,tsx}", "test/components/**/*.test.tsx", "test/perf/useContacts.test.tsx"],
          env: { REACT_MAJOR: "18" },
          ...nodeTests,
          // Packages that import react must go through the alias too, or they would bring React 19.
          server: { deps: { inline: ["@tanstack/react-query", "@testing-library/react", /@radix-ui\//] } },
        },
      },
      {
        // Three app instances in processes of their own sharing a real redis-server (started and
        // stopped by the test file on a free 127.0.0.1 port), in front of a counting API.
        test: {
          name: "redis",
          environment: "node",
          include: ["test/redis/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // After the jsdom projects, on its own: its processes and Redis do not compete with them.
          sequence: { groupOrder: 1 },
        },
      },
      // Loading Storybook's config costs seconds, so a run filtered to "unit" skips it.
      ...(browserRun ? [storybookProject("storybook", "light")] : []),
      // Storybook's own test widget (VITEST_STORYBOOK=true) names every project alike; there, light only.
      ...(browserRun && process.env.VITEST_STORYBOOK !== "true" ? [storybookProject("storybook-dark", "dark")] : []),
    ],
  },
});
