// Renders the card's main states from the built Storybook to docs/screenshots/*.png,
// in Debian's Chromium through playwright-core (no browser is downloaded).
//
//   node scripts/screenshots.mjs             # builds storybook-static first, so the pictures are current
//   node scripts/screenshots.mjs --no-build  # reuses an existing storybook-static/
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "./ensure-chromium.mjs";

const root = resolve(import.meta.dirname, "..");
const staticDir = join(root, "storybook-static");
const outDir = join(root, "docs", "screenshots");

/** Each picture: the story, the theme, and the card state to wait for. */
const SHOTS = [
  { file: "card-light.png", id: "contactcard--contact-summary", theme: "light", state: "ready" },
  { file: "card-dark.png", id: "contactcard--contact-summary", theme: "dark", state: "ready" },
  { file: "loading.png", id: "contactcard--loading", theme: "light", state: "loading" },
  { file: "not-found.png", id: "contactcard--not-found", theme: "light", state: "not-found" },
  { file: "error.png", id: "contactcard--network-error", theme: "light", state: "error" },
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

function build() {
  console.log("Building Storybook…");
  const bin = join(root, "node_modules", ".bin", "storybook");
  const result = spawnSync(bin, ["build", "--quiet", "--output-dir", staticDir], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error("storybook build failed");
}

/** A static file server for storybook-static on 127.0.0.1 and a free port. */
async function serve(dir) {
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) throw new Error("outside");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end("Not found");
    }
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }) };
}

async function main() {
  if (!process.argv.includes("--no-build") || !existsSync(join(staticDir, "index.json"))) build();
  await mkdir(outDir, { recursive: true });
  const server = await serve(staticDir);
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 520, height: 900 }, deviceScaleFactor: 2, reducedMotion: "reduce" });
    for (const shot of SHOTS) {
      const page = await context.newPage();
      const problems = [];
      page.on("pageerror", (error) => problems.push(String(error)));
      page.on("console", (message) => {
        // The browser reports the mocked 404/network-error answers themselves; those are the point of the story.
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(message.text());
      });
      await page.goto(`${server.url}/iframe.html?id=${shot.id}&viewMode=story&globals=theme:${shot.theme}`);
      const card = page.locator(`[data-state="${shot.state}"]`).first();
      await card.waitFor({ timeout: 30_000 });
      await page.evaluate(() => document.fonts.ready);
      const frame = page.locator(".sb-frame__card").first();
      const box = await frame.boundingBox();
      if (!box) throw new Error(`${shot.id}: nothing to photograph`);
      const margin = 20;
      await page.screenshot({
        path: join(outDir, shot.file),
        clip: { x: Math.max(0, box.x - margin), y: Math.max(0, box.y - margin), width: box.width + 2 * margin, height: box.height + 2 * margin },
      });
      if (problems.length) throw new Error(`${shot.id} (${shot.theme}) logged errors:\n${problems.join("\n")}`);
      console.log(`docs/screenshots/${shot.file}  ${shot.id} (${shot.theme})`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
