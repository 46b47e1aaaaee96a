import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { defineConfig, devices, type PlaywrightTestConfig } from "@playwright/test";
import { CHROMIUM_ARGS, ensureChromium } from "./scripts/ensure-chromium.mjs";

/**
 * Ports of the servers below (the stand-ins and the apps they serve); all on 127.0.0.1. Below Linux's
 * ephemeral range (32768 and up), which the other end of any outgoing connection may take meanwhile.
 */
export const PORTS: Record<"storybook" | "nextjsApi" | "nextjs" | "bench" | "benchApi" | "dashboard" | "dashboardApi", number> = {
  ...{ storybook: 6107, nextjsApi: 31010, nextjs: 31011, bench: 31020, benchApi: 31021, dashboard: 31100, dashboardApi: 31101 },
  // Others for a run beside another checkout on the same machine, e.g. E2E_PORTS='{"nextjs":31211,"nextjsApi":31210}'.
  ...(JSON.parse(process.env.E2E_PORTS ?? "{}") as Record<string, number>),
};

// The Next.js check's API key: one per run (workers inherit it), so finding it anywhere is a leak.
process.env.E2E_FLOWIQ_KEY ??= `fiq_test_${randomBytes(16).toString("hex")}`;
export const NEXTJS = { tenant: "acme-demo", apiKey: process.env.E2E_FLOWIQ_KEY };

// Projects named with --project; bench and screenshots only ever run when named, and a server
// starts only when a project that needs it runs (Playwright would otherwise start them all).
// Workers load this file without the command line, so the names pass to them through the environment.
const argv = process.argv.slice(2);
process.env.E2E_PROJECTS ??= argv.flatMap((arg, i) => (arg === "--project" ? [argv[i + 1] ?? ""] : arg.startsWith("--project=") ? [arg.slice(10)] : [])).join(",");
const named = process.env.E2E_PROJECTS.split(",").filter(Boolean);
const runs = (name: string) => (named.length === 0 ? !["bench", "screenshots"].includes(name) : named.includes(name));
const local = (port: number, path = "/") => `http://127.0.0.1:${port}${path}`;

type Project = NonNullable<PlaywrightTestConfig["projects"]>[number];
type WebServer = Exclude<NonNullable<PlaywrightTestConfig["webServer"]>, unknown[]>;

const storybook: WebServer = {
  // The project's stories, built with source maps (e2e/storybook), served with the strict CSP header.
  command: `npx storybook build -c e2e/storybook --quiet -o node_modules/.cache/e2e-storybook && npx vite preview --config e2e/storybook.vite.config.ts --port ${PORTS.storybook} --strictPort --host 127.0.0.1`,
  url: local(PORTS.storybook, "/iframe.html"),
  timeout: 240_000,
};
// examples/dashboard as `npm run dashboard` starts it (Vite, with the proxy route and the stand-in API in its process).
const dashboard: WebServer = {
  command: `npm run dashboard --silent -- --port ${PORTS.dashboard} --strictPort`,
  url: local(PORTS.dashboard, "/"),
  env: { DASHBOARD_API_PORT: String(PORTS.dashboardApi), DASHBOARD_API_DELAY_MS: "40" },
  timeout: 120_000,
};
const servers: Record<string, WebServer[]> = {
  stories: [storybook],
  screenshots: [storybook, dashboard],
  nextjs: [
    {
      command: `npm run standin --silent -- --port ${PORTS.nextjsApi} --tenant ${NEXTJS.tenant} --key ${NEXTJS.apiKey} --contacts e2e/nextjs/contacts.json`,
      url: local(PORTS.nextjsApi, "/__requests"),
      timeout: 60_000,
    },
    {
      // Packs the library, installs it into the example and builds it, then `next start`.
      command: `node scripts/nextjs-example.mjs && cd examples/nextjs && node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${PORTS.nextjs}`,
      // Ready when the proxy route answers: a 401 without a session, which asks the API nothing.
      url: local(PORTS.nextjs, "/api/flowiq/contact?phone_number=27825550202"),
      env: {
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        FLOWIQ_BASE_URL: local(PORTS.nextjsApi, ""),
        FLOWIQ_API_KEY: NEXTJS.apiKey,
        FLOWIQ_TENANT_ID: NEXTJS.tenant,
        DEMO_SESSION_SECRET: randomBytes(24).toString("hex"),
      },
      timeout: 600_000,
    },
  ],
  dashboard: [dashboard],
  bench: [
    dashboard,
    { command: `npm run standin --silent -- --port ${PORTS.benchApi} --delay 20 --count 1000`, url: local(PORTS.benchApi, "/__requests"), timeout: 60_000 },
    {
      // The bench page, built twice (production; React's profiling build under profiling/), and served.
      command: `npx vite build --config bench/vite.config.ts && BENCH_PROFILING=1 npx vite build --config bench/vite.config.ts && npx vite preview --config bench/vite.config.ts --port ${PORTS.bench} --strictPort --host 127.0.0.1`,
      url: local(PORTS.bench),
      // The page's own proxy route (bench/proxy.ts) reads from the stand-in.
      env: { BENCH_API_URL: local(PORTS.benchApi, "") },
      timeout: 240_000,
    },
  ],
};

// Files of different projects run side by side; `workers: 1` marks a project whose files share
// one server's request log (nextjs, dashboard) or whose figures need the machine to themselves (bench).
const projects: Project[] = [
  { name: "stories", testDir: "e2e/stories", use: { baseURL: local(PORTS.storybook, "") } },
  { name: "nextjs", testDir: "e2e/nextjs", workers: 1, use: { baseURL: local(PORTS.nextjs, "") } },
  // No browser: the packed tarball installed as a user would, and what bundlers keep of dist/ (after `npm run build`).
  { name: "package", testDir: "e2e/package", timeout: 300_000 },
  // The card's markup with the real stylesheet, laid out by Chromium (jsdom lays nothing out).
  { name: "layout", testDir: "e2e/layout" },
  // examples/dashboard: the 10,000-row inbox, its request counts and its keyboard.
  { name: "dashboard", testDir: "e2e/dashboard", workers: 1, use: { baseURL: local(PORTS.dashboard, "") } },
  { name: "screenshots", testDir: "e2e/screenshots", workers: 1, use: { baseURL: local(PORTS.storybook, "") } },
  { name: "bench", testDir: "bench", workers: 1, timeout: 900_000, use: { baseURL: local(PORTS.bench, "") } },
].filter((project) => runs(project.name));

/**
 * Every browser check that is not a story test (those run in Storybook's Vitest addon),
 * as projects of one config whose webServer starts what they need and stops it afterwards.
 * Chromium is Debian's (or $CHROMIUM_PATH); nothing downloads a browser.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Most of a browser check is waiting (for a server, a delay, a paused clock's step): two workers
  // keep both cores of a 2-core machine busy where Playwright's default (half the cores) runs one.
  // The bench runs alone (`npm run bench` names only its project).
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    ...devices["Desktop Chrome"],
    launchOptions: { executablePath: ensureChromium(), args: CHROMIUM_ARGS },
    trace: "off",
  },
  projects,
  webServer: [...new Set(projects.flatMap((project) => servers[project.name ?? ""] ?? []))].map((server) => ({
    ...server,
    reuseExistingServer: !process.env.CI,
  })),
});
