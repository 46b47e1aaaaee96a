// `npm run bench`: measures @flowiq/react at dashboard scale and writes BENCHMARKS.md.
//
// Figures, not tests: nothing here fails on a slow machine. The request counts
// and bundle budgets that must hold are asserted by `npm test` (test/perf/,
// size-limit). Everything runs on this machine: the bench page is built with
// Vite (production mode) into a temporary folder and served, together with a
// FlowIQ stand-in API, from node:http on 127.0.0.1; Debian's Chromium is
// driven with playwright-core. The server and browser stop by themselves.
//
//   node scripts/bench.mjs [--runs 5] [--out BENCHMARKS.md] [--only requests,column,render,isolation,memory]
//                          [--swap src/react/useContacts.ts=/tmp/proposal.ts]   (measure a proposed file in place of one)
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { extname, join, resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { chromium } from "playwright-core";
import { build } from "vite";
import { CHROMIUM_ARGS, ensureChromium } from "./ensure-chromium.mjs";

const root = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};
const RUNS = Number(option("runs", "5"));
// For working on one measurement: --only requests,render (the report is then printed, not written).
const ONLY = option("only", "") ? new Set(option("only", "").split(",")) : null;
// --swap builds the page and the package with one source file read from elsewhere (repeatable).
const SWAPS = new Map(
  args.flatMap((arg, index) => (arg === "--swap" && args[index + 1] ? [args[index + 1].split("=")] : [])).map(([from, to]) => [resolve(root, from), resolve(to)]),
);
const swapPlugin = {
  name: "bench-swap",
  enforce: "pre",
  load(id) {
    const replacement = SWAPS.get(id.split("?")[0]);
    return replacement ? readFileSync(replacement, "utf8") : null;
  },
};
const OUT = resolve(root, option("out", "BENCHMARKS.md"));
const API_DELAY_MS = 20;
// The whole run is bounded: whatever happens, the server and browser are gone after this.
const DEADLINE_MS = 15 * 60_000;

const work = mkdtempSync(join(tmpdir(), "flowiq-bench-"));
let server;
let browser;
const deadline = setTimeout(() => {
  console.error("bench: deadline passed, stopping");
  void shutdown(1);
}, DEADLINE_MS);
deadline.unref();
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => void shutdown(1));

async function shutdown(code) {
  await browser?.close().catch(() => undefined);
  server?.closeAllConnections?.();
  server?.close();
  rmSync(work, { recursive: true, force: true });
  if (code !== undefined) process.exit(code);
}

const log = (...parts) => console.log("bench:", ...parts);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(1)} ms`;
const ratio = (value) => `${value.toFixed(2)}×`;
const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const verdict = (ok) => (ok ? "met" : "**missed**");

// ---------------------------------------------------------------- build

async function buildPage(outDir, profiling) {
  await build({
    configFile: false,
    root: join(root, "bench"),
    base: "./",
    mode: "production",
    logLevel: "warn",
    plugins: [swapPlugin, react()],
    publicDir: false,
    // React's profiling build keeps <Profiler> timings in production; only the isolation count uses it.
    resolve: profiling ? { alias: [{ find: /^react-dom\/client$/, replacement: "react-dom/profiling" }] } : {},
    build: { outDir, emptyOutDir: true, minify: true, target: "es2022", reportCompressedSize: false },
  });
}

async function buildLibrary() {
  // The package exactly as `npm run build` lays out dist/ (JS + styles.css), in a folder of its own.
  const pkg = join(work, "package");
  await build({
    configFile: join(root, "vite.config.ts"),
    root,
    logLevel: "warn",
    plugins: [swapPlugin],
    build: { outDir: join(pkg, "dist"), emptyOutDir: true },
  });
  cpSync(join(root, "src/styles.css"), join(pkg, "dist/styles.css"));
  for (const file of ["package.json", ".size-limit.cjs"]) cpSync(join(root, file), join(pkg, file));
  symlinkSync(join(root, "node_modules"), join(pkg, "node_modules"), "dir");
  return pkg;
}

function sizeLimit(pkg) {
  let output;
  try {
    output = execFileSync(process.execPath, [join(root, "node_modules/size-limit/bin.js"), "--json"], { cwd: pkg, encoding: "utf8" });
  } catch (error) {
    // size-limit exits 1 when a budget is missed but still prints the figures.
    output = error.stdout;
  }
  return JSON.parse(output.slice(output.indexOf("[")));
}

// ---------------------------------------------------------------- server

const stats = { requests: 0, digits: new Set(), inFlight: 0, maxInFlight: 0 };
const resetStats = () => Object.assign(stats, { requests: 0, digits: new Set(), inFlight: 0, maxInFlight: 0 });
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

/** The stand-in API: any 8–15 digit number is a contact; digits compared as the API does. */
function contactFor(digits) {
  const index = Number(digits.slice(-6)) % 97;
  return {
    id: `c-${digits}`,
    full_name: `Contact ${digits.slice(-4)}`,
    whatsapp_id: digits,
    phone_number: `+${digits}`,
    email: `c${digits.slice(-4)}@example.com`,
    tags: ["customer", "premium", "lead"].slice(0, index % 4),
    organization_id: "org-1",
    bot_status: index % 2 ? "active" : "paused",
    allow_broadcast: index % 3 !== 0,
    archived: false,
    blocked: index % 11 === 0,
    active_status: index % 2 === 0,
    has_unread_messages: index % 5 === 0,
    source: { type: "whatsapp", location: {}, created_at: "2025-12-11T10:30:00Z" },
    contact_summary: null,
    contact_summary_updated_at: null,
    created_at: "2025-12-11T10:30:00Z",
    updated_at: "2025-12-11T10:30:00Z",
  };
}

async function api(url, response) {
  stats.requests++;
  stats.inFlight++;
  stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
  await new Promise((done) => setTimeout(done, API_DELAY_MS));
  stats.inFlight--;
  const raw = url.searchParams.get("phone_number") ?? url.searchParams.get("whatsapp_id") ?? "";
  const digits = raw.replace(/\D/g, "").replace(/^00/, "");
  stats.digits.add(digits);
  const ok = digits.length >= 8 && digits.length <= 15;
  response.writeHead(ok ? 200 : 404, { "content-type": "application/json" });
  response.end(JSON.stringify(ok ? { success: true, contact: contactFor(digits) } : { error: "Contact not found", message: `No contact found with phone number ${digits}` }));
}

function startServer(pages) {
  return new Promise((resolveServer) => {
    const httpServer = createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      if (url.pathname === "/api/contact") {
        void api(url, response);
        return;
      }
      const [, page, ...rest] = url.pathname.split("/");
      const dir = pages[page];
      const file = dir && join(dir, rest.join("/") || "index.html");
      if (!file || !file.startsWith(dir) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      response.end(readFileSync(file));
    });
    httpServer.listen(0, "127.0.0.1", () => resolveServer(httpServer));
  });
}

// ---------------------------------------------------------------- browser

async function openPage(url) {
  const page = await browser.newPage();
  page.on("pageerror", (error) => console.error("bench page error:", error.message));
  await page.goto(url);
  await page.waitForFunction(() => document.title === "ready");
  return page;
}

async function heap(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return usedSize;
}

// ---------------------------------------------------------------- measurements

async function measureRequests(page) {
  const rows = 200;
  const distinct = 50;
  const result = { ours: [], baseline: [], oursMs: [], baselineMs: [], oursMax: [], baselineMax: [], distinctRaw: 0 };
  for (let run = 0; run < RUNS; run++) {
    for (const kind of run % 2 ? ["baseline", "ours"] : ["ours", "baseline"]) {
      resetStats();
      const { ms: took, distinctRaw } = await page.evaluate(([k, r, d]) => window.bench.dashboard(k, r, d), [kind, rows, distinct]);
      result[kind].push(stats.requests);
      result[`${kind}Ms`].push(took);
      result[`${kind}Max`].push(stats.maxInFlight);
      result.distinctRaw = distinctRaw;
      if (stats.digits.size !== distinct) throw new Error(`${kind}: expected ${distinct} distinct numbers, API saw ${stats.digits.size}`);
    }
  }
  return { rows, distinct, ...result };
}

async function measureColumn(page) {
  const count = 500;
  // The skeletons' animation costs the main thread while 500 cards load, so each
  // layout is also loaded with prefers-reduced-motion (which stops it), to tell
  // the animation's cost from the hooks'.
  const variants = [
    ["cards", false],
    ["cards", true],
    ["useContacts", false],
    ["useContacts", true],
  ];
  const out = Object.fromEntries(variants.map(([kind, reduced]) => [`${kind}${reduced ? "Reduced" : ""}`, { ms: [], renders: [] }]));
  out.fetchOnly = [];
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    out.fetchOnly.push(await page.evaluate((n) => window.bench.fetchOnly(n), count));
    for (const [kind, reduced] of variants) {
      await page.emulateMedia({ reducedMotion: reduced ? "reduce" : "no-preference" });
      resetStats();
      const { ms: took, renders } = await page.evaluate(([k, n]) => window.bench.column(k, n), [kind, count]);
      const entry = out[`${kind}${reduced ? "Reduced" : ""}`];
      entry.ms.push(took);
      entry.renders.push(renders);
      if (stats.requests !== count) throw new Error(`${kind}: expected ${count} requests, API saw ${stats.requests}`);
    }
  }
  await page.emulateMedia({ reducedMotion: "no-preference" });
  return { count, runs: Math.min(RUNS, 3), maxInFlight: stats.maxInFlight, ...out };
}

async function measureRender(page) {
  const count = 1000;
  await page.evaluate((n) => window.bench.renderSetup(n), count);
  const same = await page.evaluate(() => window.bench.sameDom());
  const kinds = ["floor", "view", "connected"];
  const samples = { floor: [], view: [], connected: [] };
  const WARMUP = 2;
  // Mounts are short and this machine is shared, so each kind is mounted three times per run.
  const ROUNDS = 3 * RUNS;
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    // Rotate the order so no kind always runs first (or right after a collection).
    for (let offset = 0; offset < kinds.length; offset++) {
      const kind = kinds[(round + offset) % kinds.length];
      await page.evaluate(() => window.gc?.());
      const sample = await page.evaluate((k) => window.bench.renderOnce(k), kind);
      if (sample.ready !== count && kind !== "floor") throw new Error(`${kind}: ${sample.ready} of ${count} cards ready`);
      if (round >= WARMUP) samples[kind].push(sample);
    }
  }
  const figure = (kind, field) => median(samples[kind].map((sample) => sample[field]));
  const result = { count, same, samples: ROUNDS };
  for (const kind of kinds) result[kind] = { js: figure(kind, "js"), total: figure(kind, "total") };
  return result;
}

async function measureIsolation(page) {
  return page.evaluate(() => window.bench.isolation(200, 50, 7));
}

async function measureMemory(page) {
  const cdp = await page.context().newCDPSession(page);
  const count = 10_000;
  const distinct = 500;
  const out = {};
  await page.evaluate((d) => window.bench.memorySetup(d), distinct);
  // Warm-up: one small mount, so compiled code and React's own pools exist before the baseline.
  await page.evaluate(() => window.bench.memoryMount("connected", 100, 100));
  await page.evaluate(() => window.bench.memoryUnmount());
  await page.evaluate(() => window.bench.memoryMount("view", 100, 100));
  await page.evaluate(() => window.bench.memoryUnmount());
  for (const kind of ["view", "connected"]) {
    const start = await heap(cdp);
    const cycles = [];
    let mounted = 0;
    let ready = 0;
    for (let cycle = 0; cycle < 3; cycle++) {
      ({ ready } = await page.evaluate(([k, n, d]) => window.bench.memoryMount(k, n, d), [kind, count, distinct]));
      mounted = Math.max(mounted, await heap(cdp));
      await page.evaluate(() => window.bench.memoryUnmount());
      cycles.push(await heap(cdp));
    }
    out[kind] = { start, mounted, after: cycles, ready };
  }
  await cdp.detach();
  return { count, distinct, ...out };
}

// ---------------------------------------------------------------- report

function report({ machine, requests, column, render, isolation, memory, sizes }) {
  const lines = [];
  const push = (...more) => lines.push(...more);
  const rq = {
    ours: median(requests.ours),
    baseline: median(requests.baseline),
    oursMs: median(requests.oursMs),
    baselineMs: median(requests.baselineMs),
  };
  const viewRatio = render.view.js / render.floor.js;
  const connectedRatio = render.connected.js / render.floor.js;
  const viewRatioTotal = render.view.total / render.floor.total;
  const connectedRatioTotal = render.connected.total / render.floor.total;
  const growth = (kind) => memory[kind].after.at(-1) / memory[kind].start;
  const changes = existsSync(join(root, "bench/CHANGES.md")) ? readFileSync(join(root, "bench/CHANGES.md"), "utf8").trim() : "";

  push(
    "# Benchmarks",
    "",
    `Written by \`npm run bench\` (scripts/bench.mjs) on ${machine.date}; do not edit by hand, run it again.`,
    "These are figures, not tests: only the request counts and the bundle budgets are asserted, in `npm test`.",
    "",
    "## Machine",
    "",
    `- CPU: ${machine.cpu}, ${machine.cores} cores (shared with other work; load average ${machine.load} when the run started)`,
    `- Memory: ${machine.memory}`,
    `- Node ${machine.node}, Linux ${machine.os}`,
    `- Chromium ${machine.chromium} (headless, playwright-core ${machine.playwright})`,
    `- React ${machine.react}, @tanstack/react-query ${machine.query}`,
    "",
    "## Summary",
    "",
    "| # | measurement | figure | goal | |",
    "|---|---|---|---|---|",
    `| 1 | requests for 200 cards over 50 contacts in mixed forms | ${rq.ours} (baseline ${rq.baseline}) | ${requests.distinct} (one per contact) | ${verdict(rq.ours === requests.distinct)} |`,
    `| 1b | 500 distinct cards loaded cold, time ÷ 500 bare fetches (animation on / reduced motion) | ${ratio(median(column.cards.ms) / median(column.fetchOnly))} / ${ratio(median(column.cardsReduced.ms) / median(column.fetchOnly))} | none set (1× = the network's own time) | |`,
    `| 2a | 1,000 \`ContactCardView\`s, render ÷ floor | ${ratio(viewRatio)} | ≤ 1.3× | ${verdict(viewRatio <= 1.3)} |`,
    `| 2b | 1,000 connected \`ContactCard\`s (warm cache), render ÷ floor | ${ratio(connectedRatio)} | ≤ 2× | ${verdict(connectedRatio <= 2)} |`,
    `| 3 | cards re-rendered after \`setQueryData\` for one contact | ${isolation.rerendered} of ${isolation.cards} | ${isolation.expected} (that contact's cards) | ${verdict(isolation.onlyThoseCards)} |`,
    `| 4 | heap after mounting and unmounting 10,000 connected cards, after GC | ${ratio(growth("connected"))} of start | ≤ 1.10× | ${verdict(growth("connected") <= 1.1)} |`,
    ...sizes
      .filter((size) => size.sizeLimit)
      .map((size, index) => `| 5${"abc"[index]} | ${size.name} (min + gzip) | ${kb(size.size)} | ≤ ${kb(size.sizeLimit)} | ${verdict(size.passed)} |`),
    "",
    `Medians of ${RUNS} runs unless said otherwise.`,
    "",
    "## 1. Requests for a dashboard",
    "",
    `A page of ${requests.rows} cards over ${requests.distinct} distinct contacts. Each contact appears ${requests.rows / requests.distinct} times, written a different way each time`,
    '(`"+27 61 200 0000"`, `"0027-61-200-0000"`, `{ whatsappId: "27612000000" }`, `"(27) 612.000.000"`, plain digits, `"+27-612-000-000"`),',
    `so the page holds ${requests.distinctRaw} different raw lookups. Every run starts from an empty cache; the stand-in API on 127.0.0.1 answers after ${API_DELAY_MS} ms`,
    "and counts what reaches it. The baseline is what a code generator gives (orval-style `useGetContact(params)`: `useQuery` keyed by",
    "`[\"/contact\", params]` with the raw parameters, fetching the URL), rendering the same `ContactCardView`.",
    "",
    "| | requests | time until all 200 cards show a contact | most requests in flight |",
    "|---|---|---|---|",
    `| @flowiq/react (\`<ContactCard>\` × 200) | **${rq.ours}** | ${ms(rq.oursMs)} | ${median(requests.oursMax)} |`,
    `| baseline (generated hook keyed by raw params) | ${rq.baseline} | ${ms(rq.baselineMs)} | ${median(requests.baselineMax)} |`,
    `| the limit (one per distinct contact) | ${requests.distinct} | | |`,
    "",
    `Also: ${column.count} distinct contacts loaded cold (median of ${column.runs}), as ${column.count} \`<ContactCard>\`s or as one column component`,
    "reading all of them with `useContacts` and rendering `ContactCardView`s (skeletons while loading), with the skeleton animation",
    "running and with it stopped by `prefers-reduced-motion: reduce`:",
    "",
    "| | animation | time until all show a contact | renders of the column |",
    "|---|---|---|---|",
    `| ${column.count} × \`<ContactCard>\` | on | ${ms(median(column.cards.ms))} | — |`,
    `| ${column.count} × \`<ContactCard>\` | reduced motion | ${ms(median(column.cardsReduced.ms))} | — |`,
    `| one \`useContacts(${column.count} lookups)\` column | on | ${ms(median(column.useContacts.ms))} | ${median(column.useContacts.renders)} |`,
    `| one \`useContacts(${column.count} lookups)\` column | reduced motion | ${ms(median(column.useContactsReduced.ms))} | ${median(column.useContactsReduced.renders)} |`,
    "",
    `Most requests in flight at once: ${column.maxInFlight} (\`maxConcurrentRequests\` default 6). For scale: ${column.count} bare \`fetch\` calls, six at a time,`,
    `take ${ms(median(column.fetchOnly))} here.`,
    "",
    "## 2. Render time",
    "",
    `${render.count} cards mounted at once into an empty root with \`flushSync\` (render, commit and the effects of a sync update), in the`,
    "production build of the page (Vite, `mode: \"production\"`, minified, React's production build), with `styles.css` loaded.",
    "**Floor**: a plain component that writes the very same DOM with no library code: each card's finished DOM is captured once",
    "and written back with `createElement` from that template (no formatting, labels, hooks or child components).",
    `The view and the connected card write the same DOM as the floor (checked each run: view ${render.same.viewEqualsFloor ? "identical" : "**differs**"}, connected ${render.same.connectedEqualsFloor ? "identical" : "**differs**"}, useId values aside).`,
    `Connected cards read a warm cache (every contact set with \`setQueryData\` just before the mount). Each kind is mounted ${render.samples} times after 2 warm-up rounds,`,
    "in rotating order, with a garbage collection before each mount; the figures are the medians of those mounts.",
    "",
    "| | JS (render + commit) | ÷ floor | JS + style + layout | ÷ floor | goal |",
    "|---|---|---|---|---|---|",
    `| floor | ${ms(render.floor.js)} | 1.00× | ${ms(render.floor.total)} | 1.00× | |`,
    `| \`ContactCardView\` | ${ms(render.view.js)} | ${ratio(viewRatio)} | ${ms(render.view.total)} | ${ratio(viewRatioTotal)} | ≤ 1.3× (${verdict(viewRatio <= 1.3)}) |`,
    `| connected \`ContactCard\` | ${ms(render.connected.js)} | ${ratio(connectedRatio)} | ${ms(render.connected.total)} | ${ratio(connectedRatioTotal)} | ≤ 2× (${verdict(connectedRatio <= 2)}) |`,
    "",
    "The goal is judged on the JS column (the part the library controls); style and layout are the same work for all three.",
    "",
    "## 3. Update isolation",
    "",
    `${isolation.cards} connected cards over 50 contacts (a warm cache), each inside its own \`<Profiler>\`. After the page settles,`,
    "`queryClient.setQueryData` renames contact 7; the cards whose Profiler reports a commit are counted.",
    "`<Profiler>` reports nothing in React's plain production build, so this one page is built with `react-dom/profiling`",
    "(production React with the profiler kept) in place of `react-dom/client`.",
    "",
    `- cards re-rendered: **${isolation.rerendered}** of ${isolation.cards}; cards showing contact 7: ${isolation.expected}; only those: ${isolation.onlyThoseCards ? "yes" : "**no**"}`,
    `- renamed cards on screen afterwards: ${isolation.shownRenamed}`,
    `- most commits of one card while mounting from the warm cache: ${isolation.maxRendersPerCardOnMount} (1 = no render beyond the first)`,
    "",
    "## 4. Memory",
    "",
    `${memory.count.toLocaleString("en-US")} cards over ${memory.distinct} contacts, mounted and unmounted three times in a row. Heap is V8's used heap`,
    "(`Runtime.getHeapUsage`) after `HeapProfiler.collectGarbage` (twice). The cache holds the contacts before the start figure is taken,",
    "and one 100-card mount and unmount warms the page up first, so the figures show what the cards leave behind, not the cache or compiled code.",
    "",
    "| | start | with 10,000 mounted | after unmount 1 | after 3 | after 3 ÷ start | goal |",
    "|---|---|---|---|---|---|---|",
    ...["view", "connected"].map(
      (kind) =>
        `| ${kind === "view" ? "`ContactCardView`" : "connected `ContactCard`"} | ${mb(memory[kind].start)} | ${mb(memory[kind].mounted)} | ${mb(memory[kind].after[0])} | ${mb(memory[kind].after.at(-1))} | ${ratio(growth(kind))} | ≤ 1.10× (${verdict(growth(kind) <= 1.1)}) |`,
    ),
    "",
    "## 5. Bundle size",
    "",
    "size-limit 12 with `@size-limit/preset-small-lib` (esbuild, minified, gzip; peers left out; `process.env.NODE_ENV` = `\"production\"`),",
    "on the built package (`vite build` + `styles.css`), from `.size-limit.cjs`. `npm test` enforces the budgets (`npm run test:size`).",
    "",
    "| entry | size (min + gzip) | budget | |",
    "|---|---|---|---|",
    ...sizes.map((size) => `| ${size.name} | ${kb(size.size)} | ${size.sizeLimit ? `≤ ${kb(size.sizeLimit)}` : "—"} | ${size.sizeLimit ? verdict(size.passed) : ""} |`),
    "",
  );
  if (changes) push("## What changed and what it bought", "", changes, "");
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  const machine = {
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memory: `${Math.round(totalmem() / 1024 ** 3)} GiB`,
    load: loadavg().map((value) => value.toFixed(2)).join(" "),
    node: process.version,
    os: release(),
    playwright: JSON.parse(readFileSync(join(root, "node_modules/playwright-core/package.json"), "utf8")).version,
    react: JSON.parse(readFileSync(join(root, "node_modules/react/package.json"), "utf8")).version,
    query: JSON.parse(readFileSync(join(root, "node_modules/@tanstack/react-query/package.json"), "utf8")).version,
  };

  log("building the bench pages and the package");
  const prod = join(work, "prod");
  const profiling = join(work, "profiling");
  await buildPage(prod, false);
  await buildPage(profiling, true);
  const pkg = await buildLibrary();
  const sizes = ONLY ? [] : sizeLimit(pkg);

  server = await startServer({ prod, profiling });
  const origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: ensureChromium(),
    args: [...CHROMIUM_ARGS, "--js-flags=--expose-gc"],
  });
  machine.chromium = browser.version();

  // Each measurement on a fresh page, so none inherits another's heap or caches.
  const measure = async (name, path, fn) => {
    if (ONLY && !ONLY.has(name)) return undefined;
    log(name);
    const page = await openPage(`${origin}/${path}/`);
    try {
      return await fn(page);
    } finally {
      await page.close();
    }
  };
  const requests = await measure("requests", "prod", measureRequests);
  const column = await measure("column", "prod", measureColumn);
  const render = await measure("render", "prod", measureRender);
  const isolation = await measure("isolation", "profiling", measureIsolation);
  if (isolation && !isolation.profilerWorks) throw new Error("the profiling build reported no commits");
  const memory = await measure("memory", "prod", measureMemory);

  if (ONLY) {
    console.log(JSON.stringify({ requests, column, render, isolation, memory }, (key, value) => (value instanceof Set ? value.size : value), 2));
    return;
  }
  writeFileSync(OUT, report({ machine, requests, column, render, isolation, memory, sizes }));
  log(`wrote ${OUT} in ${Math.round((Date.now() - started) / 1000)} s`);
}

main().then(
  () => shutdown(0),
  (error) => {
    console.error(error);
    return shutdown(1);
  },
);
