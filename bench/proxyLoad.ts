// `npm run bench:proxy`: a team's load on the proxy, measured with autocannon over real HTTP on
// 127.0.0.1. Three app instances (processes of their own, test/redis/instance.ts) behind one
// counting stand-in of the API; 50 agents on each instance scroll a 10,000-row inbox, one batch
// of 25 rows per request. Run twice: with the cache in a shared Redis, and with no cache
// (identical lookups in flight are still one call). Writes bench/proxy-load.md and its section of
// BENCHMARKS.md. PROXY_BENCH_SECONDS sets each run's length (default 20).
import autocannon from "autocannon";
import { cpus, loadavg } from "node:os";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { startCountingApi } from "../test/redis/countingApi.js";
import { buildInstance, repoRoot, startInstance, type Instance } from "../test/redis/instances.js";
import { startRedis } from "../test/redis/redisServer.js";

const root = repoRoot();
const SECONDS = Math.min(120, Math.max(5, Number(process.env.PROXY_BENCH_SECONDS ?? 20)));
const AGENTS_PER_INSTANCE = 50;
const INSTANCES = 3;
const ROWS = 10_000;
const PAGE = 25;
/** Bounds the run in count as well as time. */
const MAX_REQUESTS_PER_INSTANCE = 200_000;
const API_DELAY_MS = 20;
const SCROLLS_PER_SECOND = 1;
const TENANT = "bench";

type Kind = "hit" | "miss";
type Run = {
  label: string;
  apiCalls: number;
  distinct: number;
  requests: number;
  latency: Record<Kind, number[]>;
  errors: number;
  itemErrors: number;
};

const digitsOf = (row: number) => String(27_800_000_000 + (row % ROWS));
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** One autocannon run per instance at once; every agent scrolls from the top at its own pace. */
async function load(instances: Instance[], label: string, apiCalls: () => number): Promise<Run> {
  const asked = new Set<string>();
  const latency: Record<Kind, number[]> = { hit: [], miss: [] };
  let itemErrors = 0;
  const before = apiCalls();
  const runs = instances.map((instance) => {
    let lastKind: Kind = "miss";
    // autocannon resets a connection's context after each pass over `requests`, so the agents'
    // places in the inbox live here, taken in turn: each agent one, two or three pages a scroll.
    const agentRows = Array.from({ length: AGENTS_PER_INSTANCE }, () => 0);
    let sent = 0;
    // An EventEmitter that is also a promise of the result (the types only say the latter).
    const run = autocannon({
      url: instance.origin,
      connections: AGENTS_PER_INSTANCE,
      duration: SECONDS,
      maxOverallRequests: MAX_REQUESTS_PER_INSTANCE,
      // An agent scrolls about once a second, not as fast as the socket allows.
      connectionRate: SCROLLS_PER_SECOND,
      timeout: 30,
      requests: [
        {
          method: "GET",
          setupRequest: (request) => {
            const agent = sent++ % AGENTS_PER_INSTANCE;
            const row = agentRows[agent] ?? 0;
            const rows = Array.from({ length: PAGE }, (_, i) => digitsOf(row + i));
            rows.forEach((digits) => asked.add(digits));
            agentRows[agent] = (row + PAGE * (1 + (agent % 3))) % ROWS;
            return { ...request, path: `/${TENANT}/api/flowiq/contacts?${rows.map((d) => `phone_number=${d}`).join("&")}` };
          },
          onResponse: (status, body, _context, headers) => {
            lastKind = /cache;desc="hit"/.test(String(headers?.["server-timing"] ?? "")) ? "hit" : "miss";
            if (status !== 200) return;
            try {
              const { results } = JSON.parse(body) as { results: Array<{ status: number }> };
              itemErrors += results.filter((item) => item.status !== 200 && item.status !== 404).length;
            } catch {
              itemErrors += PAGE;
            }
          },
        },
      ],
    }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
    // autocannon calls onResponse and then emits "response" for the same answer, synchronously.
    run.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latency[lastKind].push(responseTime));
    return run;
  });
  const done = await Promise.all(runs);
  return {
    label,
    apiCalls: apiCalls() - before,
    distinct: asked.size,
    requests: done.reduce((sum, result) => sum + result.requests.total, 0),
    latency,
    errors: done.reduce((sum, result) => sum + result.errors + result.timeouts + result.non2xx, 0),
    itemErrors,
  };
}

async function withInstances<T>(env: Record<string, string>, work: (instances: Instance[]) => Promise<T>): Promise<T> {
  const script = await buildInstance();
  const instances = await Promise.all(Array.from({ length: INSTANCES }, () => startInstance(script, env)));
  console.error(`[bench:proxy] ${instances.length} instances listening: ${instances.map((i) => i.origin).join(", ")}`);
  try {
    return await work(instances);
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
  }
}

function section(runs: Run[], machine: string): string {
  const ms = (value: number) => (Number.isNaN(value) ? "–" : `${value.toFixed(0)} ms`);
  const rows = runs.map((run) => {
    const perContact = run.apiCalls / run.distinct;
    return `| ${run.label} | ${run.requests} | ${run.distinct} | ${run.apiCalls} | ${perContact.toFixed(2)} | ${run.latency.hit.length} | ${ms(percentile(run.latency.hit, 50))} / ${ms(percentile(run.latency.hit, 95))} | ${run.latency.miss.length} | ${ms(percentile(run.latency.miss, 50))} / ${ms(percentile(run.latency.miss, 95))} | ${run.errors + run.itemErrors} |`;
  });
  return [
    "<!-- proxy-load:start (written by npm run bench:proxy) -->",
    "## 8. The proxy under a team's load",
    "",
    `Written by \`npm run bench:proxy\` (bench/proxyLoad.ts) on ${new Date().toISOString().slice(0, 10)}; ${machine}.`,
    `${INSTANCES} app instances (separate Node processes, \`createContactRouteHandler\` through \`toNodeHandler\`, upstream cap 6 each)`,
    `in front of one counting stand-in of the API (${API_DELAY_MS} ms an answer), ${AGENTS_PER_INSTANCE} agents on each instance`,
    `(autocannon 8, one keep-alive connection an agent) scrolling a ${ROWS.toLocaleString("en")}-row inbox from the top,`,
    `${PAGE} rows a batch request, one, two or three pages a scroll, ${SCROLLS_PER_SECOND} scroll a second; ${SECONDS} s a run (shortened from a minute to keep the`,
    "run modest; the ratio settles within seconds). A hit is a batch answered wholly from the cache (`Server-Timing`), a miss",
    "one with any contact fetched upstream. Errors are failed requests plus contacts answered other than 200 or 404.",
    "",
    "| run | batch requests | distinct contacts | API calls | API calls ÷ distinct | hits | hit p50 / p95 | misses | miss p50 / p95 | errors |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "With the cache, each contact costs the API about one call whichever instance and agent asks; without it, every",
    "batch that finds its contacts no longer in flight asks again.",
    "<!-- proxy-load:end -->",
  ].join("\n");
}

/** Puts the section into BENCHMARKS.md: in place of the last one, else before "What changed", else at the end. */
function writeSection(text: string) {
  writeFileSync(resolve(root, "bench/proxy-load.md"), `${text}\n`);
  const path = resolve(root, "BENCHMARKS.md");
  const current = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  const marked = /<!-- proxy-load:start[\s\S]*?<!-- proxy-load:end -->/;
  let next: string;
  if (marked.test(current)) next = current.replace(marked, text);
  else if (current.includes("\n## What changed and what it bought")) next = current.replace("\n## What changed and what it bought", `\n${text}\n\n## What changed and what it bought`);
  else next = `${current.trimEnd()}\n\n${text}\n`;
  writeFileSync(path, next);
}

const log = (text: string) => console.error(`[bench:proxy] ${text}`);
const machine = `${cpus()[0]?.model ?? "CPU"}, ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the start, Node ${process.version}`;
const api = await startCountingApi({ delayMs: API_DELAY_MS });
const redis = await startRedis();
log(`API at ${api.url}, Redis at ${redis.url}; ${SECONDS} s a run`);
try {
  const cached = await withInstances({ FLOWIQ_UPSTREAM: api.url, REDIS_URL: redis.url, TTL_MS: "600000" }, (instances) =>
    load(instances, "cache in Redis (ttlMs 10 min)", () => api.total()),
  );
  log(`with the cache: ${cached.requests} requests, ${cached.apiCalls} API calls`);
  const uncached = await withInstances({ FLOWIQ_UPSTREAM: api.url, REDIS_URL: "", CACHE: "off" }, (instances) =>
    load(instances, "no cache (coalescing only)", () => api.total()),
  );
  const text = section([cached, uncached], machine);
  writeSection(text);
  console.log(text);
  if (cached.errors + cached.itemErrors + uncached.errors + uncached.itemErrors > 0) process.exitCode = 1;
} finally {
  await api.close();
  await redis.stop();
}
