import { readFileSync } from "node:fs";
import { defineConfig } from "vite";
import { buildPolicy } from "./support/csp.js";

/** Where playwright.config.ts builds the static Storybook (e2e/storybook, with source maps). */
export const STORYBOOK_OUT = "node_modules/.cache/e2e-storybook";

const iframe = `${STORYBOOK_OUT}/iframe.html`;

// Serves the static Storybook as a host would, with the strict Content-Security-Policy
// computed from the built iframe.html (support/csp.ts lists what it adds and why).
// `vite preview` serves build.outDir (nothing is built with this config).
export default defineConfig({
  build: { outDir: STORYBOOK_OUT },
  preview: {
    headers: {
      "Cache-Control": "no-store",
      "Content-Security-Policy": buildPolicy(readFileSync(iframe, "utf8")).header,
    },
  },
  logLevel: "warn",
});
