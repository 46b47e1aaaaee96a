import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, ensureChromium } from "./scripts/ensure-chromium.mjs";

const STORYBOOK_PORT = 6107;

/**
 * Every browser check that is not a story test, in one place: Playwright starts what a
 * project needs (webServer) and stops it afterwards. Chromium is Debian's (or
 * $CHROMIUM_PATH); nothing downloads a browser.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
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
  projects: [
    {
      name: "stories",
      testDir: "e2e/stories",
      use: { baseURL: `http://127.0.0.1:${STORYBOOK_PORT}` },
    },
  ],
  webServer: [
    {
      // The static Storybook, built once per run and served by Vite's preview server.
      command: `npx storybook build --quiet -o node_modules/.cache/e2e-storybook && npx vite preview --config e2e/storybook.vite.config.ts --port ${STORYBOOK_PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${STORYBOOK_PORT}/iframe.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
    },
  ],
});
