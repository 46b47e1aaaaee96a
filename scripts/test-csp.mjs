// Loads every story page of the Storybook in headless Chromium under a strict
// Content-Security-Policy and fails on any violation the library causes.
//
//   node scripts/test-csp.mjs [--stories id,id] [--verbose]
//
// 1. Builds the project's Storybook with source maps (scripts/csp-storybook/),
//    into node_modules/.cache/flowiq-csp-storybook, reused while no input changed.
// 2. Serves it on 127.0.0.1 with `Content-Security-Policy: default-src 'self';
//    style-src 'self'; script-src 'self'` plus only what Storybook's iframe
//    template needs (hashes of its own inline blocks) and the API origin the
//    stories fetch from; scripts/csp-policy.mjs lists each extra and why.
// 3. Opens iframe.html?id=…&viewMode=story for each story, records every
//    `securitypolicyviolation` event (with its target element) and every CSP
//    console error, and checks the cards rendered with no style attribute.
// 4. Maps each violation's script position through the source maps to a
//    source file: one from src/ or inside a card is the library's and fails.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { attribute, buildPolicy, createSourceResolver } from "./csp-policy.mjs";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const OUT = join(ROOT, "node_modules/.cache/flowiq-csp-storybook");
const CONFIG_DIR = "scripts/csp-storybook";
const API_ORIGIN = "https://api.flowiq.live";
const INPUTS = ["src", "stories", ".storybook", CONFIG_DIR, "public", "package-lock.json"];
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const only = args.includes("--stories") ? args[args.indexOf("--stories") + 1]?.split(",") : undefined;

// The whole check stops by itself, whatever hangs.
const deadline = setTimeout(() => {
  console.error("csp: gave up after 6 minutes");
  process.exit(1);
}, 6 * 60_000);
deadline.unref();

function newestMtime(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stats = statSync(full);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(full).map((name) => newestMtime(join(path, name))));
}

function buildStorybook() {
  const stampFile = join(OUT, ".flowiq-csp-stamp");
  const stamp = String(Math.max(...INPUTS.map(newestMtime)));
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && existsSync(join(OUT, "iframe.html"))) {
    console.log("csp: reusing the Storybook build (no input changed)");
    return;
  }
  console.log("csp: building Storybook with source maps…");
  const require = createRequire(import.meta.url);
  const bin = join(require.resolve("storybook/package.json"), "..", require("storybook/package.json").bin);
  const started = Date.now();
  const result = spawnSync(process.execPath, [bin, "build", "-c", CONFIG_DIR, "-o", OUT, "--quiet"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: "1" },
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error("storybook build failed");
  }
  writeFileSync(stampFile, stamp);
  console.log(`csp: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".map": "application/json",
};

function serve(policy) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = resolve(OUT, `.${path.endsWith("/") ? `${path}index.html` : path}`);
    if (!file.startsWith(OUT)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Content-Security-Policy": policy,
        "Cache-Control": "no-store",
      });
      response.end(body);
    } catch {
      response.writeHead(404, { "Content-Security-Policy": policy }).end();
    }
  });
  return new Promise((resolveServer) =>
    server.listen(0, "127.0.0.1", () => resolveServer({ server, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

async function chromiumPath() {
  try {
    const { ensureChromium, CHROMIUM_ARGS } = await import("./ensure-chromium.mjs");
    return { executablePath: ensureChromium(), args: CHROMIUM_ARGS };
  } catch (error) {
    if (!(error instanceof Error) || !/Cannot find module|ERR_MODULE_NOT_FOUND/.test(String(error.message) + String(error.code))) throw error;
    return {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    };
  }
}

/** Runs in the page before any of its scripts: records each violation with the element it concerns. */
function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener(
    "securitypolicyviolation",
    (event) => {
      const element = event.target instanceof Element ? event.target : null;
      window.__cspViolations.push({
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        line: event.lineNumber,
        column: event.columnNumber,
        sample: event.sample,
        target: element
          ? {
              tag: element.tagName.toLowerCase(),
              id: element.id,
              inCard: Boolean(element.closest(".fiq-card")),
              html: element.outerHTML.slice(0, 120),
            }
          : { tag: event.target?.nodeName ?? "?" },
      });
    },
    true,
  );
}

const expectsLoading = (id) => /loading|skeleton/.test(id);
/** What a story renders of the library: cards, and (0.2) chips (some left loading on purpose) and hover cards. */
const RENDERED = "#storybook-root :is(.fiq-card, .fiq-chip, .fiq-hovercard)[data-state]";

async function checkStory(page, origin, id) {
  const consoleErrors = [];
  const onConsole = (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) consoleErrors.push(message.text());
  };
  page.on("console", onConsole);
  const problems = [];
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`, { waitUntil: "load" });
    await page.waitForSelector(RENDERED, { timeout: 15_000 });
    if (!expectsLoading(id)) {
      await page.waitForFunction(
        () => [...document.querySelectorAll("#storybook-root .fiq-card[data-state]")].every((card) => card.dataset.state !== "loading"),
        undefined,
        { timeout: 15_000 },
      );
    }
    // Let play functions and late effects run before reading the record.
    await page.waitForTimeout(600);
  } catch (error) {
    problems.push(`cards did not render: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
  } finally {
    page.off("console", onConsole);
  }
  const cards = await page.$$eval(RENDERED, (nodes) => nodes.map((node) => node.dataset.state));
  if (cards.length === 0) problems.push("no card rendered");
  // React sets style props through the CSSOM, which CSP allows; a server render would put them in
  // attributes that CSP blocks. So the cards must have none at all.
  const styled = await page.$$eval("#storybook-root :is(.fiq-card, .fiq-chip), #storybook-root :is(.fiq-card, .fiq-chip) *", (nodes) =>
    nodes.filter((node) => node.hasAttribute("style")).map((node) => node.outerHTML.slice(0, 100)),
  );
  for (const html of styled) problems.push(`style attribute inside a card: ${html}`);
  const errorShown = await page.evaluate(() => document.body.classList.contains("sb-show-errordisplay"));
  if (errorShown) problems.push("Storybook shows its error display");
  const violations = await page.evaluate(() => window.__cspViolations ?? []);
  return { cards, violations, consoleErrors, problems };
}

async function main() {
  buildStorybook();
  const iframeHtml = readFileSync(join(OUT, "iframe.html"), "utf8");
  const { header, extras } = buildPolicy(iframeHtml, API_ORIGIN);
  console.log(`csp: Content-Security-Policy: ${header.replace(/'sha256-[^']+'/g, "'sha256-…'")}`);
  console.log(`csp: beyond default-src 'self'; style-src 'self'; script-src 'self', only for Storybook's iframe:`);
  for (const extra of extras) console.log(`       - ${extra}`);

  const index = JSON.parse(readFileSync(join(OUT, "index.json"), "utf8"));
  const stories = Object.values(index.entries)
    .filter((entry) => entry.type === "story" && (!only || only.includes(entry.id)))
    .map((entry) => entry.id);
  if (stories.length === 0) throw new Error("no stories to check");

  const resolveSource = createSourceResolver(OUT, ROOT);
  const { server, origin } = await serve(header);
  const { executablePath, args: chromiumArgs } = await chromiumPath();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  let passed = 0;
  let failed = 0;
  const storybookOwn = new Map();
  try {
    const context = await browser.newContext();
    await context.addInitScript(recordViolations);
    const page = await context.newPage();
    for (const id of stories) {
      const result = await checkStory(page, origin, id);
      const ours = [];
      for (const violation of result.violations) {
        const source = resolveSource(violation.sourceFile, violation.line, violation.column);
        const owner = attribute(violation, source);
        const where = `${violation.directive} blocked ${violation.blockedURI || "?"} from ${source ?? violation.sourceFile ?? "?"} on <${violation.target.tag}${violation.target.id ? `#${violation.target.id}` : ""}>`;
        if (owner === "library" || owner === "unknown") ours.push(`${owner}: ${where}`);
        else storybookOwn.set(`${owner}: ${where}`, (storybookOwn.get(`${owner}: ${where}`) ?? 0) + 1);
      }
      // Every CSP console error must have a matching event; one without is unexplained.
      if (result.consoleErrors.length > result.violations.length) {
        ours.push(`unknown: ${result.consoleErrors.length - result.violations.length} CSP console error(s) without a violation event: ${result.consoleErrors[0]}`);
      }
      const problems = [...result.problems, ...ours];
      if (problems.length === 0) {
        passed++;
        console.log(`  ✓ ${id}: ${result.cards.length} card(s) [${[...new Set(result.cards)].join(", ")}], ${result.violations.length} violation(s), none the library's`);
      } else {
        failed++;
        console.log(`  ✗ ${id}`);
        for (const problem of problems) console.log(`      ${problem}`);
      }
      if (verbose) for (const line of result.consoleErrors) console.log(`      console: ${line.slice(0, 200)}`);
    }
    // A canary, so the check shows it can fail: a card that gains an inline style and a <style>
    // element must be caught and put down to the library.
    const canaryId = stories.find((id) => id.startsWith("contactcard--") && !expectsLoading(id)) ?? stories.find((id) => !expectsLoading(id)) ?? stories[0];
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(canaryId)}&viewMode=story`, { waitUntil: "load" });
    await page.waitForSelector("#storybook-root .fiq-card[data-state]", { timeout: 15_000 });
    await page.evaluate(() => {
      const card = document.querySelector("#storybook-root .fiq-card");
      card.innerHTML += '<span style="color: red">canary</span><style>.fiq-card { color: red }</style>';
    });
    await page.waitForTimeout(300);
    const caught = (await page.evaluate(() => window.__cspViolations ?? []))
      .map((violation) => attribute(violation, resolveSource(violation.sourceFile, violation.line, violation.column)))
      .filter((owner) => owner === "library").length;
    if (caught < 2) {
      failed++;
      console.log(`  ✗ canary: an inline style and a <style> added to a card gave ${caught} library violation(s), not 2`);
    } else {
      console.log(`  ✓ canary: an inline style and a <style> added to a card were caught (${caught} library violations)`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (storybookOwn.size > 0) {
    console.log("csp: violations by Storybook's own code (blocked, harmless to the cards, not the library's):");
    for (const [what, count] of storybookOwn) console.log(`       - ${what} ×${count}`);
  }
  console.log(`csp: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
