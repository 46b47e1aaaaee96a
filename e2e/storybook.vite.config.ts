import { defineConfig } from "vite";

// Serves the static Storybook that playwright.config.ts builds, as a host would.
export default defineConfig({
  root: "node_modules/.cache/e2e-storybook",
  build: { outDir: "." },
  preview: { headers: { "Cache-Control": "no-store" } },
  logLevel: "warn",
});
