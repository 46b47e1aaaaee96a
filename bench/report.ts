import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { packSection } from "../scripts/pack-size.mjs";
import type { SizeEntry } from "./sizes.js";

const root = resolve(import.meta.dirname, "..");
/** How long the stand-in API takes to answer each request during the bench. */
export const API_DELAY_MS = 20;
/** The round trip the table benchmark emulates (a user far from the server). */
export const RTT_MS = 150;
/** The proxy route's cap on upstream calls in flight (createContactRouteHandler's default). */
export const PROXY_CAP = 6;
/** Contacts per batch request (the provider's default `maxSize`). */
export const BATCH_SIZE = 50;

export type TableKind = "bare" | "batch" | "single" | "generated";
type Counts = { browser: number; api: number; drawn: number; visible: number };
export type InboxRun = { first: Counts; bottom: Counts };

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (value: number) => `${value.toFixed(2)}×`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

type Timed = { ms: number[]; renders: number[] };
export type Figures = {
  runs: number;
  machine: { date: string; cpu: string; cores: number; load: string; memory: string; node: string; os: string; chromium: string; playwright: string; react: string; query: string };
  requests: { rows: number; distinct: number; distinctRaw: number; ours: number[]; baseline: number[]; oursMs: number[]; baselineMs: number[]; oursMax: number[]; baselineMax: number[] };
  column: { count: number; runs: number; maxInFlight: number; fetchOnly: number[]; cards: Timed; cardsBefore: Timed; cardsReduced: Timed; cardsReducedBefore: Timed; useContacts: Timed; useContactsReduced: Timed };
  table: { count: number; runs: number; ms: Record<TableKind, number[]>; browser: Record<TableKind, number[]>; api: Record<TableKind, number[]> };
  inbox: { rows: number; runs: number; batch: InboxRun[]; off: InboxRun[] };
  render: { count: number; samples: number; same: { viewEqualsFloor: boolean; connectedEqualsFloor: boolean }; floor: { js: number; total: number }; view: { js: number; total: number }; connected: { js: number; total: number } };
  isolation: { cards: number; expected: number; rerendered: number; onlyThoseCards: boolean; shownRenamed: number; maxRendersPerCardOnMount: number };
  memory: { count: number; distinct: number } & Record<"view" | "connected", { start: number; mounted: number; after: number[] }>;
  sizes: SizeEntry[];
  /** Optional until a full run has measured them (BENCH_ONLY=grid,refresh prints liveSection). */
  grid?: GridFigures;
  refresh?: RefreshFigures;
};

type Layouts = { grid: number[]; gridReduced: number[]; block: number[]; blockReduced: number[] };
/** Cards fetched one request each (beside `fetchOnly`) and in the default batches (beside `batchFetchOnly`). */
export type GridFigures = { count: number; runs: number; fetchOnly: number[]; batchFetchOnly: number[]; single: Layouts; batch: Layouts };
type Sample = { ms: number; mutations: number };
export type RefreshFigures = { count: number; runs: number; same: Sample[]; oneChanged: Sample[]; requests: number[] };

/** Cards in a grid and in a block beside bare fetches, and a refresh tick of mounted cards. */
export function liveSection(grid: GridFigures, refresh: RefreshFigures): string {
  const table = (layouts: Layouts, floor: number, goals: boolean) => {
    const row = (label: string, values: number[], goal?: number) => {
      const r = median(values) / floor;
      return `| ${label} | ${ms(median(values))} | ${ratio(r)} | ${goal === undefined ? "" : `≤ ${goal}×: ${verdict(r <= goal)}`} |`;
    };
    return [
      "| layout | time | ÷ bare fetches | goal |",
      "|---|---|---|---|",
      row("`.fiq-card-grid`, pulse on", layouts.grid, goals ? 1.5 : undefined),
      row("`.fiq-card-grid`, reduced motion", layouts.gridReduced),
      row("plain block, pulse on", layouts.block, goals ? 1.3 : undefined),
      row("plain block, reduced motion", layouts.blockReduced),
    ];
  };
  const tick = (samples: Sample[]) => `${ms(median(samples.map((sample) => sample.ms)))} | ${median(samples.map((sample) => sample.mutations))}`;
  const batches = Math.ceil(grid.count / 50);
  return [
    "## Cards in a grid, and a refresh tick",
    "",
    `${grid.count} cold \`<ContactCard>\`s (median of ${grid.runs}), time until all show a contact. One request per card (\`batch={false}\`),`,
    `÷ the same ${grid.count} bare fetches, six at a time (${ms(median(grid.fetchOnly))}):`,
    "",
    ...table(grid.single, median(grid.fetchOnly), true),
    "",
    `In the provider's default batches (behind the app's proxy), ÷ the same ${batches} bare batch requests (${ms(median(grid.batchFetchOnly))}); the`,
    `ratio is large because that floor is small: it is the time to draw ${grid.count} cards from ${batches} answers.`,
    "",
    ...table(grid.batch, median(grid.batchFetchOnly), false),
    "",
    `A refresh tick of ${refresh.count} mounted cards in a \`.fiq-card-grid\` (\`batch\` on, median of ${refresh.runs}): every card refetched in one call, as`,
    "`refetchInterval`'s tick does, until the answers are in and a frame is drawn; DOM mutations counted by a MutationObserver.",
    "",
    "| refresh | time | DOM mutations |",
    "|---|---|---|",
    `| nothing changed | ${tick(refresh.same)} |`,
    `| one contact changed | ${tick(refresh.oneChanged)} |`,
    "",
    `Requests a tick: ${median(refresh.requests)} (⌈${refresh.count} / 50⌉).`,
    "",
  ].join("\n");
}

/** BENCHMARKS.md from the figures. */
/** The floor for `count` contacts through the proxy: one round trip, plus the stand-in's fan-out at the route's cap. */
export const computedFloor = (count: number) => RTT_MS + Math.ceil(count / PROXY_CAP) * API_DELAY_MS;

/** The markdown tables that the {{bought:…}} marks in bench/CHANGES.md stand for, from this run's figures. */
function boughtTables({ column, table, inbox }: Figures): Record<string, string> {
  const fetch = median(column.fetchOnly);
  const cards = (timed: Timed) => `${ms(median(timed.ms))} (${ratio(median(timed.ms) / fetch)})`;
  const floor = median(table.ms.bare);
  const row = (kind: TableKind, strong = false) =>
    [ms(median(table.ms[kind])), ratio(median(table.ms[kind]) / floor), String(median(table.browser[kind]))].map((cell) => (strong ? `**${cell}**` : cell)).join(" | ");
  const bottom = (runsOf: InboxRun[]) => {
    const pick = (key: keyof Counts) => median(runsOf.map((run) => run.bottom[key]));
    return `${pick("visible")} | ${pick("api")} | ${ratio(median(runsOf.map((run) => run.bottom.api / run.bottom.visible)))} | ${pick("browser")} | ${median(runsOf.map((run) => run.first.browser))}`;
  };
  return {
    offscreen: [
      `| ${column.count} cold \`<ContactCard>\`s, time until all show a contact (÷ ${column.count} bare fetches, ${ms(fetch)}) | before | after |`,
      "|---|---|---|",
      `| animation on | ${cards(column.cardsBefore)} | **${cards(column.cards)}** |`,
      `| reduced motion | ${cards(column.cardsReducedBefore)} | ${cards(column.cardsReduced)} |`,
    ].join("\n"),
    table: [
      `| ${table.count}-row table, ${RTT_MS} ms round trip, cold cache | time until every row shows its contact | ÷ floor (measured) | browser requests |`,
      "|---|---|---|---|",
      `| generated hook (one request per row) | ${row("generated")} |`,
      `| before: @flowiq/react without \`batch\` | ${row("single")} |`,
      `| after: @flowiq/react with \`batch\` | ${row("batch", true)} |`,
      `| the floor, measured: ${Math.ceil(table.count / BATCH_SIZE)} bare batch requests, no React | ${row("bare")} |`,
      `| the floor, computed: ${RTT_MS} ms + ⌈${table.count} ÷ ${PROXY_CAP}⌉ × ${API_DELAY_MS} ms | ${ms(computedFloor(table.count))} | ${ratio(computedFloor(table.count) / floor)} | |`,
    ].join("\n"),
    inbox: [
      `| ${inbox.rows.toLocaleString("en-US")}-row inbox, jump to the bottom | rows visible there | requests reaching the API | ÷ rows visible | browser requests | browser requests for the first screen |`,
      "|---|---|---|---|---|---|",
      `| \`?batch=off\` (before) | ${bottom(inbox.off)} |`,
      `| \`batch\` on (after) | ${bottom(inbox.batch)} |`,
    ].join("\n"),
  };
}

export function report(figures: Figures): string {
  const { runs, machine, requests, column, render, isolation, memory, sizes, table, inbox } = figures;
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
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
  const growth = (kind: "view" | "connected") => (memory[kind].after.at(-1) ?? 0) / memory[kind].start;
  const bought = boughtTables(figures);
  const changes = existsSync(join(root, "bench/CHANGES.md"))
    ? readFileSync(join(root, "bench/CHANGES.md"), "utf8")
        .trim()
        .replace(/\{\{bought:(\w+)\}\}/g, (mark, name: string) => bought[name] ?? mark)
    : "";
  const fetch = median(column.fetchOnly);
  const offscreen = { after: median(column.cards.ms) / fetch, before: median(column.cardsBefore.ms) / fetch, reduced: median(column.cardsReduced.ms) / fetch };
  const floor = median(table.ms.bare);
  const batched = median(table.ms.batch);
  const inboxRatio = median(inbox.batch.map((run) => run.bottom.api / run.bottom.visible));

  push(
    "# Benchmarks",
    "",
    `Written by \`npm run bench\` (bench/bench.spec.ts, a Playwright project) on ${machine.date}; do not edit by hand, run it again.`,
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
    `| 1b | 500 cold cards with the skeleton animation on, time ÷ 500 bare fetches (before: ${ratio(offscreen.before)}) | ${ratio(offscreen.after)} (reduced motion ${ratio(offscreen.reduced)}) | ≤ 1.3× | ${verdict(offscreen.after <= 1.3)} |`,
    `| 1c | ${table.count}-row table at a ${RTT_MS} ms round trip with \`batch\`, time ÷ the floor (generated hook: ${ratio(median(table.ms.generated) / floor)}, without batch: ${ratio(median(table.ms.single) / floor)}) | ${ratio(batched / floor)} (÷ computed floor ${ratio(batched / computedFloor(table.count))}) | ≤ 1.5× | ${verdict(batched / floor <= 1.5)} |`,
    `| 1d | ${inbox.rows.toLocaleString("en-US")}-row inbox, requests reaching the API after a jump to the bottom ÷ rows visible there | ${ratio(inboxRatio)} | ≤ 1.5× | ${verdict(inboxRatio <= 1.5)} |`,
    `| 2a | 1,000 \`ContactCardView\`s, render ÷ floor | ${ratio(viewRatio)} | ≤ 1.3× | ${verdict(viewRatio <= 1.3)} |`,
    `| 2b | 1,000 connected \`ContactCard\`s (warm cache), render ÷ floor | ${ratio(connectedRatio)} | ≤ 2× | ${verdict(connectedRatio <= 2)} |`,
    `| 3 | cards re-rendered after \`setQueryData\` for one contact | ${isolation.rerendered} of ${isolation.cards} | ${isolation.expected} (that contact's cards) | ${verdict(isolation.onlyThoseCards)} |`,
    `| 4 | heap after mounting and unmounting 10,000 connected cards, after GC | ${ratio(growth("connected"))} of start | ≤ 1.10× | ${verdict(growth("connected") <= 1.1)} |`,
    ...sizes
      .filter((size: SizeEntry) => size.sizeLimit)
      .map((size: SizeEntry, index: number) => `| 5${"abcdefghij"[index]} | ${size.name} (min + gzip) | ${kb(size.size)} | ≤ ${kb(size.sizeLimit ?? 0)} | ${verdict(size.passed)} |`),
    "",
    `Medians of ${runs} runs unless said otherwise.`,
    "",
    "## 1. Requests for a dashboard",
    "",
    `A page of ${requests.rows} cards over ${requests.distinct} distinct contacts. Each contact appears ${requests.rows / requests.distinct} times, written a different way each time`,
    '(`"+27 61 200 0000"`, `"0027-61-200-0000"`, `{ whatsappId: "27612000000" }`, `"(27) 612.000.000"`, plain digits, `"+27-612-000-000"`),',
    `so the page holds ${requests.distinctRaw} different raw lookups. Every run starts from an empty cache; the stand-in API (the library's MSW handlers`,
    `served over HTTP by standin/, on 127.0.0.1, another origin than the page) answers after ${API_DELAY_MS} ms and counts what reaches it.`,
    "The baseline is what a code generator gives (orval-style `useGetContact(params)`: `useQuery` keyed by",
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
    "| | animation | time until all show a contact | ÷ bare fetches | renders of the column |",
    "|---|---|---|---|---|",
    `| ${column.count} × \`<ContactCard>\` | on | ${ms(median(column.cards.ms))} | ${ratio(median(column.cards.ms) / fetch)} | — |`,
    `| ${column.count} × \`<ContactCard>\` | reduced motion | ${ms(median(column.cardsReduced.ms))} | ${ratio(median(column.cardsReduced.ms) / fetch)} | — |`,
    `| ${column.count} × \`<ContactCard>\`, off-screen skipping undone (before) | on | ${ms(median(column.cardsBefore.ms))} | ${ratio(median(column.cardsBefore.ms) / fetch)} | — |`,
    `| ${column.count} × \`<ContactCard>\`, off-screen skipping undone (before) | reduced motion | ${ms(median(column.cardsReducedBefore.ms))} | ${ratio(median(column.cardsReducedBefore.ms) / fetch)} | — |`,
    `| one \`useContacts(${column.count} lookups)\` column | on | ${ms(median(column.useContacts.ms))} | ${ratio(median(column.useContacts.ms) / fetch)} | ${median(column.useContacts.renders)} |`,
    `| one \`useContacts(${column.count} lookups)\` column | reduced motion | ${ms(median(column.useContactsReduced.ms))} | ${ratio(median(column.useContactsReduced.ms) / fetch)} | ${median(column.useContactsReduced.renders)} |`,
    "",
    "The cards are in one column in the page, a few on screen and the rest below it (the page scrolls); \"before\" is the same page with",
    "`.fiq-card { content-visibility: visible }` added, which is what the stylesheet did before cards off screen were skipped.",
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
    ...(["view", "connected"] as const).map(
      (kind) =>
        `| ${kind === "view" ? "`ContactCardView`" : "connected `ContactCard`"} | ${mb(memory[kind].start)} | ${mb(memory[kind].mounted)} | ${mb(memory[kind].after[0] ?? 0)} | ${mb(memory[kind].after.at(-1) ?? 0)} | ${ratio(growth(kind))} | ≤ 1.10× (${verdict(growth(kind) <= 1.1)}) |`,
    ),
    "",
    "## 5. Bundle size",
    "",
    "size-limit 12 with `@size-limit/preset-small-lib` (esbuild, minified, gzip; peers left out; `process.env.NODE_ENV` = `\"production\"`),",
    "on the built package (`vite build` + `styles.css`), from `.size-limit.cjs`. `npm test` enforces the budgets (`npm run test:size`).",
    "",
    "| entry | size (min + gzip) | budget | |",
    "|---|---|---|---|",
    ...sizes.map((size: SizeEntry) => `| ${size.name} | ${kb(size.size)} | ${size.sizeLimit ? `≤ ${kb(size.sizeLimit)}` : "—"} | ${size.sizeLimit ? verdict(size.passed) : ""} |`),
    "",
    "## 6. A table at the network's pace",
    "",
    `${table.count} rows, one \`ContactChip\` each (the baseline renders \`ContactChipView\` from the generated hook), ${table.count} distinct contacts, a cold cache.`,
    `Every request from the page crosses an emulated ${RTT_MS} ms round trip (Chromium's \`Network.emulateNetworkConditions\` through CDP) to the app's`,
    `own proxy route (\`createContactRouteHandler\` mounted beside the bench page, bench/proxy.ts, its default cap of ${PROXY_CAP} upstream calls),`,
    `which asks the stand-in API (${API_DELAY_MS} ms per lookup). **The floor** is what no client can beat: one round trip plus the stand-in's fan-out`,
    `at the route's cap, computed as ${RTT_MS} ms + ⌈${table.count} ÷ ${PROXY_CAP}⌉ × ${API_DELAY_MS} ms = ${ms(computedFloor(table.count))}, and measured as ${Math.ceil(table.count / BATCH_SIZE)} bare batch requests`,
    `(\`fetch\` only, no React) of ${BATCH_SIZE} contacts sent at once, which adds what the computation leaves out (each upstream call's own cost on this`,
    `machine). The goal is judged against the measured floor. Medians of ${table.runs} runs, the four kinds in rotating order.`,
    "",
    "| | time until every row shows its contact | ÷ floor (measured) | ÷ floor (computed) | browser requests | requests reaching the API |",
    "|---|---|---|---|---|---|",
    ...(
      [
        ["the floor, measured (bare batch requests)", "bare"],
        ["@flowiq/react with `batch`", "batch"],
        ["@flowiq/react without `batch`", "single"],
        ["generated hook, one request per row", "generated"],
      ] as const
    ).map(
      ([label, kind]) =>
        `| ${label} | ${ms(median(table.ms[kind]))} | ${ratio(median(table.ms[kind]) / floor)} | ${ratio(median(table.ms[kind]) / computedFloor(table.count))} | ${median(table.browser[kind])} | ${median(table.api[kind])} |`,
    ),
    `| the floor, computed | ${ms(computedFloor(table.count))} | ${ratio(computedFloor(table.count) / floor)} | 1.00× | | |`,
    "",
    "## 7. The 10,000-row inbox",
    "",
    `examples/dashboard as \`npm run dashboard\` serves it (Vite dev server; the proxy route and the stand-in API in its process): ${inbox.rows.toLocaleString("en-US")} conversations`,
    "in a list virtualized with TanStack Virtual (3 rows of overscan), each row a `ContactChip` in a `ContactHoverCard`, in a 1280 × 720 window.",
    "The page opens, its first screen fills, the API's request log is reset, the list is scrolled to its end in one jump, and once the rows",
    `there are filled the requests that reached the API are counted against the rows of which any part shows. Medians of ${inbox.runs} runs; \`?batch=off\``,
    "is the same page with the provider's `batch` off.",
    "",
    "| | first screen: browser requests | API requests | rows visible at the bottom | rows drawn | requests reaching the API | ÷ rows visible | browser requests |",
    "|---|---|---|---|---|---|---|---|",
    ...(
      [
        ["`batch` on", inbox.batch],
        ["`?batch=off`", inbox.off],
      ] as const
    ).map(([label, runsOf]) => {
      const first = (key: keyof Counts) => median(runsOf.map((run) => run.first[key]));
      const last = (key: keyof Counts) => median(runsOf.map((run) => run.bottom[key]));
      return `| ${label} | ${first("browser")} | ${first("api")} | ${last("visible")} | ${last("drawn")} | ${last("api")} | ${ratio(median(runsOf.map((run) => run.bottom.api / run.bottom.visible)))} | ${last("browser")} |`;
    }),
    "",
    "Only the rows drawn at the bottom reach the API (the rows passed over are never drawn); `npm test` asserts these counts (e2e/dashboard).",
    "",
  );
  if (figures.grid && figures.refresh) push(liveSection(figures.grid, figures.refresh));
  // Section 8 comes from `npm run bench:proxy` (bench/proxyLoad.ts), which writes it to bench/proxy-load.md.
  const proxyLoad = existsSync(join(root, "bench/proxy-load.md")) ? readFileSync(join(root, "bench/proxy-load.md"), "utf8").trim() : "";
  if (proxyLoad) push(proxyLoad, "");
  // Measured by `npm run bench:pack` (bench/pack-size.json), kept when the bench rewrites this file.
  push(...packSection());
  if (changes) push("## What changed and what it bought", "", changes, "");
  return `${lines.join("\n")}\n`;
}
