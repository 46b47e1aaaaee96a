// `npm run docs:site` after `npm run build-storybook`: opens the built docs site (storybook-static/)
// in headless Chromium as a first-time visitor would and prints how long the first page and each
// component's docs page take, with a screenshot of each in .docs-site/. Fails when the site does not
// open on Getting started, when a docs page's examples do not all render, when "Show code" shows
// story code (play functions, expect) instead of usage, or when Storybook's onboarding checklist shows.
import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "./ensure-chromium.mjs";

const root = join(import.meta.dirname, "..");
const site = join(root, "storybook-static");
const shots = join(root, ".docs-site");
if (!existsSync(join(site, "index.json"))) {
  console.error("storybook-static/ is missing: run `npm run build-storybook` first.");
  process.exit(1);
}
mkdirSync(shots, { recursive: true });

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".png": "image/png" };
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  let file = join(site, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!file.startsWith(site) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
const problems = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

try {
  // 1. The first page, as a new visitor (no cache, no service worker yet).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let started = Date.now();
  await page.goto(`${base}/`);
  const preview = page.frameLocator("#storybook-preview-iframe");
  await preview.getByRole("heading", { level: 1, name: "Getting started" }).waitFor({ timeout: 60_000 });
  const firstPage = Date.now() - started;
  if (!page.url().includes("path=/docs/docs-getting-started--docs")) problems.push(`the site opened on ${page.url()}, not Getting started`);
  if (await page.getByText(/onboarding|get started with storybook/i).count()) problems.push("Storybook's onboarding checklist is in the sidebar");
  await page.screenshot({ path: join(shots, "getting-started.png") });
  console.log(`first page (Getting started): ${seconds(firstPage)}`);

  // 2. Every docs page, reached from the sidebar as a reader would (the preview frame stays loaded).
  const index = JSON.parse(await (await fetch(`${base}/index.json`)).text());
  const docsPages = Object.values(index.entries).filter((entry) => entry.type === "docs");
  const frame = page.frame({ url: /iframe\.html/ });
  for (const entry of docsPages) {
    const link = page.locator(`[data-item-id="${entry.id}"]`);
    // A component's node opens on a click; its first child is the docs page.
    if (!(await link.isVisible())) await page.locator(`[data-item-id="${entry.id.replace(/--docs$/, "")}"]`).click();
    started = Date.now();
    if (!page.url().endsWith(`/docs/${entry.id}`)) await link.click();
    const heading = entry.title.split("/").at(-1);
    await preview.getByRole("heading", { level: 1, name: heading }).waitFor({ timeout: 60_000 });
    // Every example on the page has rendered something of the library (a card, chip, skeleton, table…).
    await frame?.waitForFunction(
      () => [...document.querySelectorAll(".docs-story")].every((story) => story.querySelector("[data-state], [data-part], .fiq-card, .fiq-chip, table, article")),
      undefined,
      { timeout: 60_000 },
    );
    const rendered = Date.now() - started;
    const count = await preview.locator(".docs-story").count();
    const file = entry.title.replace(/\W+/g, "-").toLowerCase();
    await page.screenshot({ path: join(shots, `${file}.png`) });
    // "Show code" on the first example: usage, not the story's test code.
    let code = "";
    const show = preview.locator("button", { hasText: "Show code" }).first();
    if (count > 0 && (await show.count()) > 0) {
      await show.click();
      const source = preview.locator(".docs-story").first().locator("xpath=..").locator("pre").first();
      await source.waitFor({ timeout: 10_000 });
      code = (await source.innerText()).trim();
      if (/play:|expect\(|canvas\.|waitFor\(/.test(code)) problems.push(`${entry.title}: "Show code" shows story code: ${code.slice(0, 80)}`);
      await page.screenshot({ path: join(shots, `${file}-code.png`) });
    }
    // The Controls table changes the example above it (the first one): here the copy buttons go.
    let controls = "";
    if (entry.id === "contactcard--docs") {
      const primary = preview.locator(".docs-story").first();
      const copyButtons = primary.getByRole("button", { name: /^Copy / });
      const before = await copyButtons.count();
      await preview.locator("table.docblock-argstable tbody tr", { hasText: "copyable" }).getByRole("switch").or(
        preview.locator("table.docblock-argstable tbody tr", { hasText: "copyable" }).locator("input, button").first(),
      ).first().click();
      await frame?.waitForFunction(() => !document.querySelector(".docs-story")?.querySelector("button[aria-label^='Copy ']"), undefined, { timeout: 10_000 }).catch(() => undefined);
      const after = await copyButtons.count();
      controls = `; copyable control: ${before} copy buttons → ${after}`;
      if (before === 0 || after !== 0) problems.push(`ContactCard: the copyable control did not change the example (${before} → ${after} copy buttons)`);
    }
    console.log(`${entry.title}: ${count} examples rendered in ${seconds(rendered)}${controls}${code ? `; Show code: ${code.replace(/\s+/g, " ").slice(0, 100)}` : ""}`);
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
