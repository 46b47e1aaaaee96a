// `npm run bench`: measures @flowiq/react at dashboard scale in Chromium and writes BENCHMARKS.md.
// Figures, not tests: nothing here fails on a slow machine (the request counts and bundle budgets
// that must hold are asserted by `npm test`). playwright.config.ts serves the bench page (bench/,
// built by Vite in production mode) and the stand-in API (standin/, answering after 20 ms).
//
//   npm run bench                                  # BENCH_RUNS=5, writes BENCHMARKS.md
//   BENCH_ONLY=requests,render npm run bench       # only those, printed instead of written
//   BENCH_SWAP=src/react/useContacts.ts=/tmp/proposal.ts npm run bench   # measure a proposed file
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { CONVERSATION_COUNT } from "../examples/dashboard/src/conversations.js";
import { apiLog, drawnIndexes, jumpToBottom, openInbox, resetApiLog, visibleIndexes } from "../e2e/support/inbox.js";
import { PORTS } from "../playwright.config.js";
import type { StandInRequest } from "../standin/index.js";
import type { BenchApi } from "./main.js";
import { liveSection, median, report, RTT_MS, type Figures, type InboxRun, type TableKind } from "./report.js";
import { measureSizes } from "./sizes.js";

const root = resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",")) : null;
const OUT = resolve(root, process.env.BENCH_OUT ?? "BENCHMARKS.md");
const API = `http://127.0.0.1:${PORTS.benchApi}`;
/** The app's own proxy route beside the bench page (bench/proxy.ts), in front of the stand-in. */
const PROXY = `http://127.0.0.1:${PORTS.bench}/api/flowiq`;
/** examples/dashboard, as `npm run dashboard` serves it. */
const DASHBOARD = `http://127.0.0.1:${PORTS.dashboard}`;
/** The stylesheet as it was before cards off screen were skipped: what a host's override gives back. */
const BEFORE_OFFSCREEN = ".fiq-card { content-visibility: visible; }";
const version = (name: string) => (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

declare global {
  interface Window {
    bench: BenchApi;
    gc?: () => void;
  }
}

/** What reached the stand-in since the last reset. */
async function served() {
  const requests = (await (await fetch(`${API}/__requests`)).json()) as StandInRequest[];
  return { requests: requests.length, digits: new Set(requests.map((request) => request.digits)).size, maxInFlight: Math.max(0, ...requests.map((request) => request.inFlightAll)) };
}
const resetServed = () => fetch(`${API}/__requests`, { method: "DELETE" });

const figures: Partial<Figures> = { runs: RUNS };
let browser: Browser;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright, launchOptions }) => {
  // --expose-gc: a collection before each measured mount, and for the heap figures.
  browser = await playwright.chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), "--js-flags=--expose-gc"] });
  figures.machine = {
    date: `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memory: `${Math.round(totalmem() / 1024 ** 3)} GiB`,
    load: loadavg().map((value) => value.toFixed(2)).join(" "),
    node: process.version,
    os: release(),
    chromium: browser.version(),
    playwright: version("playwright-core"),
    react: version("react"),
    query: version("@tanstack/react-query"),
  };
});

test.afterAll(async () => {
  await browser?.close();
  if (ONLY) {
    console.log(JSON.stringify(figures, null, 2));
    if (figures.grid && figures.refresh) console.log(liveSection(figures.grid, figures.refresh));
  }
  else if (figures.requests && figures.column && figures.render && figures.isolation && figures.memory && figures.sizes && figures.table && figures.inbox) {
    writeFileSync(OUT, report(figures as Figures));
  }
});

/** Each measurement on a fresh page, so none inherits another's heap or caches. `api` is where the page reads contacts. */
function measure(name: keyof Figures, path: string, run: (page: Page) => Promise<unknown>, api = API) {
  test(name, async () => {
    test.skip(ONLY !== null && !ONLY.has(name), "not in BENCH_ONLY");
    const page = await browser.newPage();
    page.on("pageerror", (error) => console.error("bench page error:", error.message));
    await page.goto(`http://127.0.0.1:${PORTS.bench}/${path}?api=${encodeURIComponent(api)}`);
    await expect(page).toHaveTitle("ready");
    try {
      Object.assign(figures, { [name]: await run(page) });
    } finally {
      await page.close();
    }
  });
}

measure("requests", "", async (page) => {
  const rows = 200;
  const distinct = 50;
  const result = { rows, distinct, distinctRaw: 0, ours: [] as number[], baseline: [] as number[], oursMs: [] as number[], baselineMs: [] as number[], oursMax: [] as number[], baselineMax: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    for (const kind of run % 2 ? (["baseline", "ours"] as const) : (["ours", "baseline"] as const)) {
      await resetServed();
      const { ms, distinctRaw } = await page.evaluate(([k, r, d]) => window.bench.dashboard(k, r, d), [kind, rows, distinct] as const);
      const api = await served();
      expect(api.digits, `${kind}: distinct numbers the API saw`).toBe(distinct);
      result[kind].push(api.requests);
      result[`${kind}Ms`].push(ms);
      result[`${kind}Max`].push(api.maxInFlight);
      result.distinctRaw = distinctRaw;
    }
  }
  return result;
});

measure("column", "", async (page) => {
  const count = 500;
  // Every run, as the ratio to bare fetches moves with the load of a shared machine.
  const runs = RUNS;
  // The skeletons' animation costs the main thread while 500 cards load, so each layout is also
  // loaded with prefers-reduced-motion (which stops it), to tell the animation's cost from the hooks'.
  // "Before": the cards again with the stylesheet's off-screen skipping undone (BEFORE_OFFSCREEN).
  const variants = [
    ["cards", false, false],
    ["cards", false, true],
    ["cards", true, false],
    ["cards", true, true],
    ["useContacts", false, false],
    ["useContacts", true, false],
  ] as const;
  const timed = () => ({ ms: [] as number[], renders: [] as number[] });
  const out = { count, runs, maxInFlight: 0, fetchOnly: [] as number[], cards: timed(), cardsBefore: timed(), cardsReduced: timed(), cardsReducedBefore: timed(), useContacts: timed(), useContactsReduced: timed() };
  for (let run = 0; run < runs; run++) {
    out.fetchOnly.push(await page.evaluate((n) => window.bench.fetchOnly(n), count));
    for (const [kind, reduced, before] of variants) {
      await page.emulateMedia({ reducedMotion: reduced ? "reduce" : "no-preference" });
      const override = before ? await page.addStyleTag({ content: BEFORE_OFFSCREEN }) : null;
      await resetServed();
      const { ms, renders } = await page.evaluate(([k, n]) => window.bench.column(k, n), [kind, count] as const);
      await override?.evaluate((element) => (element as Element).remove());
      const api = await served();
      expect(api.requests, `${kind}: requests the API saw`).toBe(count);
      out.maxInFlight = api.maxInFlight;
      const entry = out[`${kind}${reduced ? "Reduced" : ""}${before ? "Before" : ""}` as "cards"];
      entry.ms.push(ms);
      entry.renders.push(renders);
    }
  }
  await page.emulateMedia({ reducedMotion: "no-preference" });
  return out;
});

// 500 cold cards in the library's aligned grid and in a plain block, with the skeleton's pulse on and with
// reduced motion: one request per card beside the same 500 bare fetches, and in the provider's default
// batches beside the same 10 bare batch requests.
measure("grid", "", async (page) => {
  const count = 500;
  const layouts = () => ({ grid: [] as number[], gridReduced: [] as number[], block: [] as number[], blockReduced: [] as number[] });
  const out = { count, runs: RUNS, fetchOnly: [] as number[], batchFetchOnly: [] as number[], single: layouts(), batch: layouts() };
  for (let run = 0; run < RUNS; run++) {
    out.fetchOnly.push(await page.evaluate((n) => window.bench.fetchOnly(n), count));
    out.batchFetchOnly.push(await page.evaluate((n) => window.bench.batchFetchOnly(n), count));
    for (const fetching of ["single", "batch"] as const) {
      for (const [layout, reduced] of [["grid", false], ["block", false], ["grid", true], ["block", true]] as const) {
        await page.emulateMedia({ reducedMotion: reduced ? "reduce" : "no-preference" });
        await resetServed();
        const { ms } = await page.evaluate(([l, n, f]) => window.bench.cardLayout(l, n, f), [layout, count, fetching] as const);
        expect((await served()).requests, `${layout}, ${fetching}: requests the API saw`).toBe(fetching === "single" ? count : Math.ceil(count / 50));
        out[fetching][`${layout}${reduced ? "Reduced" : ""}`].push(ms);
      }
    }
  }
  await page.emulateMedia({ reducedMotion: "no-preference" });
  return out;
});

// A refresh tick of 500 mounted cards in a grid (batch on): when nothing changed, and when one contact did.
measure("refresh", "", async (page) => {
  const count = 500;
  const out = { count, runs: RUNS, same: [] as { ms: number; mutations: number }[], oneChanged: [] as { ms: number; mutations: number }[], requests: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    for (const changed of [false, true]) {
      await resetServed();
      const before = (await served()).requests;
      const sample = await page.evaluate(([n, c]) => window.bench.refreshTick(n, c), [count, changed] as const);
      (changed ? out.oneChanged : out.same).push(sample);
      if (!changed) out.requests.push((await served()).requests - before);
    }
  }
  return out;
});

measure("render", "", async (page) => {
  const count = 1000;
  await page.evaluate((n) => window.bench.renderSetup(n), count);
  const same = await page.evaluate(() => window.bench.sameDom());
  const kinds = ["floor", "view", "connected"] as const;
  const samples: Record<(typeof kinds)[number], { js: number; total: number }[]> = { floor: [], view: [], connected: [] };
  const WARMUP = 2;
  // Mounts are short and the machine is shared, so each kind is mounted three times per run.
  const ROUNDS = 3 * RUNS;
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    // Rotate the order so no kind always runs first (or right after a collection).
    for (let offset = 0; offset < kinds.length; offset++) {
      const kind = kinds[(round + offset) % kinds.length]!;
      await page.evaluate(() => window.gc?.());
      const sample = await page.evaluate((k) => window.bench.renderOnce(k), kind);
      if (kind !== "floor") expect(sample.ready, `${kind}: cards ready`).toBe(count);
      if (round >= WARMUP) samples[kind].push(sample);
    }
  }
  const figure = (kind: (typeof kinds)[number]) => ({ js: median(samples[kind].map((s) => s.js)), total: median(samples[kind].map((s) => s.total)) });
  return { count, same, samples: ROUNDS, floor: figure("floor"), view: figure("view"), connected: figure("connected") };
});

measure("isolation", "profiling/", async (page) => {
  const result = await page.evaluate(() => window.bench.isolation(200, 50, 7));
  expect(result.profilerWorks, "the profiling build reported commits").toBe(true);
  return result;
});

measure("memory", "", async (page) => {
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  const count = 10_000;
  const distinct = 500;
  await page.evaluate((d) => window.bench.memorySetup(d), distinct);
  // Warm-up: one small mount, so compiled code and React's own pools exist before the baseline.
  for (const kind of ["connected", "view"] as const) {
    await page.evaluate((k) => window.bench.memoryMount(k, 100, 100), kind);
    await page.evaluate(() => window.bench.memoryUnmount());
  }
  const out: Record<string, { start: number; mounted: number; after: number[] }> = {};
  for (const kind of ["view", "connected"] as const) {
    const start = await heap();
    const after: number[] = [];
    let mounted = 0;
    for (let cycle = 0; cycle < 3; cycle++) {
      await page.evaluate(([k, n, d]) => window.bench.memoryMount(k, n, d), [kind, count, distinct] as const);
      mounted = Math.max(mounted, await heap());
      await page.evaluate(() => window.bench.memoryUnmount());
      after.push(await heap());
    }
    out[kind] = { start, mounted, after };
  }
  await cdp.detach();
  return { count, distinct, ...out };
});

// (a) A 500-row table at a far-away user's pace: every request crosses a 150 ms round trip (CDP network
// emulation), through the app's proxy route to the stand-in (20 ms per lookup, the route's cap of 6).
measure(
  "table",
  "",
  async (page) => {
    const count = 500;
    const runs = Math.min(RUNS, 3);
    const browserRequests: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/api/flowiq/")) browserRequests.push(request.url());
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: RTT_MS, downloadThroughput: -1, uploadThroughput: -1 });
    const kinds: TableKind[] = ["bare", "batch", "single", "generated"];
    const list = () => Object.fromEntries(kinds.map((kind) => [kind, [] as number[]])) as Record<TableKind, number[]>;
    const out = { count, runs, ms: list(), browser: list(), api: list() };
    for (let run = 0; run < runs; run++) {
      for (const kind of [...kinds.slice(run % kinds.length), ...kinds.slice(0, run % kinds.length)]) {
        await resetServed();
        browserRequests.length = 0;
        const ms = await page.evaluate(([k, n]) => (k === "bare" ? window.bench.batchFetchOnly(n) : window.bench.table(k, n)), [kind, count] as const);
        const api = await served();
        expect(api.digits, `${kind}: distinct contacts the API saw`).toBe(count);
        out.ms[kind].push(ms);
        out.browser[kind].push(browserRequests.length);
        out.api[kind].push(api.requests);
      }
    }
    await cdp.detach();
    return out;
  },
  PROXY,
);

// (b) The 10,000-row inbox (examples/dashboard, served by playwright.config.ts): what reaches the API
// for the first screen and after a jump to the bottom, with batch on and with ?batch=off.
test("inbox", async () => {
  test.skip(ONLY !== null && !ONLY.has("inbox"), "not in BENCH_ONLY");
  const runs = Math.min(RUNS, 3);
  const result: Figures["inbox"] = { rows: CONVERSATION_COUNT, runs, batch: [], off: [] };
  for (let run = 0; run < runs; run++) {
    for (const variant of ["batch", "off"] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      try {
        const visit = await openInbox(page, DASHBOARD, variant === "off" ? "/?batch=off" : "/");
        const first = { browser: visit.browserRequests.length, api: (await apiLog(page, DASHBOARD)).length, drawn: (await drawnIndexes(page)).length, visible: (await visibleIndexes(page)).length };
        await resetApiLog(page, DASHBOARD);
        const before = visit.browserRequests.length;
        await jumpToBottom(page, CONVERSATION_COUNT);
        const bottom = { browser: visit.browserRequests.length - before, api: (await apiLog(page, DASHBOARD)).length, drawn: (await drawnIndexes(page)).length, visible: (await visibleIndexes(page)).length };
        result[variant].push({ first, bottom } satisfies InboxRun);
      } finally {
        await page.close();
      }
    }
  }
  figures.inbox = result;
});

test("sizes", async () => {
  test.skip(ONLY !== null && !ONLY.has("sizes"), "not in BENCH_ONLY");
  figures.sizes = await measureSizes();
});
