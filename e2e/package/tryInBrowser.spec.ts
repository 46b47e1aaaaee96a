// The README's "Try it in the browser in two minutes" recipe, run as a new user would: the packed
// tarball installed into a fresh Vite app, the README's own src/main.tsx, MSW's worker in the browser,
// built with Vite and opened in Chromium. If the README's code stops working, this fails.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
import react from "@vitejs/plugin-react";
import { build, preview, type PreviewServer } from "vite";

const root = resolve(import.meta.dirname, "../..");
let work: string;
let origin: string;
let server: PreviewServer | undefined;

/** The code block that follows a line `// <path>` in the README's "Try it in the browser" section. */
function readmeBlock(path: string): string {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Try it in the browser"), readme.indexOf("## Quick start"));
  const start = section.indexOf(`// ${path}\n`);
  expect(start, `the README's "Try it in the browser" section has a // ${path} block`).toBeGreaterThan(-1);
  return section.slice(start, section.indexOf("```", start));
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "flowiq-try-"));
  const run = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const [packed] = JSON.parse(run(["pack", "--json", "--loglevel=error", "--pack-destination", work], root)) as { filename: string }[];
  const app = join(work, "app");
  mkdirSync(join(app, "src"), { recursive: true });
  mkdirSync(join(app, "public"));
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")).packages as Record<string, { version: string }>;
  const versions = Object.fromEntries(["react", "react-dom", "@tanstack/react-query", "msw"].map((name) => [name, lock[`node_modules/${name}`]!.version]));
  // What the README's `npm install @flowiq/react @tanstack/react-query msw` gives a Vite react-ts app.
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "flowiq-try", private: true, type: "module", dependencies: { "@flowiq/react": `file:${join(work, packed!.filename)}`, ...versions } }));
  run(["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], app);
  // `npx msw init public/`: the worker script msw ships.
  copyFileSync(join(app, "node_modules/msw/lib/mockServiceWorker.js"), join(app, "public/mockServiceWorker.js"));
  writeFileSync(join(app, "index.html"), '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>try</title></head><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>');
  writeFileSync(join(app, "src/main.tsx"), readmeBlock("src/main.tsx"));
  await build({ root: app, configFile: false, logLevel: "silent", plugins: [react()], build: { outDir: join(app, "dist") } });
  server = await preview({ root: app, configFile: false, logLevel: "silent", build: { outDir: join(app, "dist") }, preview: { port: 0, host: "127.0.0.1" } });
  // A port the system picks: a fixed one can be taken by any connection's own end meanwhile.
  origin = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the README's recipe shows a card and a hover card from MSW in the browser, with no error", async ({ page }) => {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    // A failed load is reported below with its URL (the browser's own favicon request aside).
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${origin}/`);

  await expect(page.getByRole("article", { name: "Thandi Nkosi" })).toBeVisible();
  const trigger = page.getByRole("button", { name: /Sipho Dlamini/ });
  await trigger.hover();
  await expect(page.getByRole("dialog").getByRole("article", { name: "Sipho Dlamini" })).toBeVisible();
  expect(problems).toEqual([]);
});
