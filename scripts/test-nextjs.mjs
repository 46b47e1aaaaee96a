// Proves the Next.js story end to end with a real `next build`: packs the
// library, installs it into examples/nextjs from the tarball (as a user
// would), builds and starts the app against a FlowIQ stand-in on 127.0.0.1,
// and checks in headless Chromium that the prefetched card is in the server
// HTML with no browser request, that the other card loads through the proxy
// route with exactly one request, that the key reaches nothing the browser
// gets, and that hydration is clean.
//
//   npm run build && node scripts/test-nextjs.mjs
//
// Needs dist/ from `npm run build`. Every wait has a timeout and every process
// it starts is stopped at the end, pass or fail.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { CHROMIUM_ARGS, ensureChromium } from "./ensure-chromium.mjs";
import { startFlowIQStandIn } from "./nextjs-standin.mjs";

const root = resolve(import.meta.dirname, "..");
const app = join(root, "examples/nextjs");
const started = Date.now();
const WATCHDOG_MS = 15 * 60_000;

// A key unique to this run, so finding it anywhere is a leak and never a coincidence.
const API_KEY = `fiq_test_${randomBytes(16).toString("hex")}`;
const TENANT = "acme-demo";
const PREFETCHED = { digits: "27825550101", name: "Ada Lovelace" };
const IN_BROWSER = { digits: "27825550202", name: "Grace Hopper" };
const contacts = [
  {
    id: "c-ada",
    full_name: PREFETCHED.name,
    whatsapp_id: PREFETCHED.digits,
    phone_number: `+${PREFETCHED.digits}`,
    email: "ada@example.com",
    tags: ["customer", "premium"],
    organization_id: "org-demo",
    bot_status: "active",
    allow_broadcast: true,
    archived: false,
    blocked: false,
    active_status: true,
    has_unread_messages: true,
    // Late in the day UTC: a card that formatted dates in the machine's zone would differ server vs browser.
    source: { type: "whatsapp", location: { city: "Cape Town" }, created_at: "2025-12-11T23:30:00Z" },
    contact_summary: "Asked about the premium plan.",
    contact_summary_updated_at: "2025-12-12T08:00:00Z",
    created_at: "2025-12-11T23:30:00Z",
    updated_at: "2025-12-12T08:00:00Z",
  },
  {
    id: "c-grace",
    full_name: IN_BROWSER.name,
    whatsapp_id: IN_BROWSER.digits,
    phone_number: `+${IN_BROWSER.digits}`,
    email: "grace@example.com",
    tags: ["lead"],
    organization_id: "org-demo",
    bot_status: "paused",
    allow_broadcast: false,
    archived: false,
    blocked: false,
    active_status: false,
    has_unread_messages: false,
    source: { type: "api", location: {}, created_at: "2025-12-01T00:15:00Z" },
    contact_summary: null,
    contact_summary_updated_at: null,
    created_at: "2025-12-01T00:15:00Z",
    updated_at: "2025-12-01T00:15:00Z",
  },
];

// ---------------------------------------------------------------- reporting
const results = [];
function check(name, ok, detail = "") {
  results.push({ name, ok });
  console.log(`${ok ? "  ✓" : "  ✗"} ${name}${!ok && detail ? `\n      ${detail}` : ""}`);
  return ok;
}
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const timings = {};

class Fatal extends Error {}

// ---------------------------------------------------------------- processes
const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch {
        // Keep stopping the rest.
      }
    }
  })();
  return cleaning;
}

/** Ends a process group started with `detached: true`, politely first. */
async function stopGroup(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    // The leader is gone; sweep up any worker it left in its group.
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // No such group: nothing was left.
    }
    return;
  }
  const exited = new Promise((done) => child.once("exit", done));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = new Promise((done) => setTimeout(done, graceMs, "timeout"));
  if ((await Promise.race([exited, timer])) === "timeout") {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
    await Promise.race([exited, new Promise((done) => setTimeout(done, 2000))]);
  }
}

/** Spawns in its own process group, keeps the output's tail, and kills the group on timeout. */
function run(label, command, args, { cwd, env = process.env, timeoutMs }) {
  return new Promise((resolvePromise, reject) => {
    const t0 = Date.now();
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk) => {
      output = (output + chunk).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const stop = () => stopGroup(child, 1000);
    cleanups.push(stop);
    const timer = setTimeout(() => {
      void stop();
      reject(new Fatal(`${label} did not finish within ${seconds(timeoutMs)}; last output:\n${output.slice(-3000)}`));
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new Fatal(`${label} could not start: ${error.message}`));
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise({ output, ms: Date.now() - t0 });
      else reject(new Fatal(`${label} failed (${signal ?? `exit ${code}`}); last output:\n${output.slice(-4000)}`));
    });
  });
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function fetchWithTimeout(url, init = {}, timeoutMs = 10_000) {
  return fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
}

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const file of filesUnder(dir)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

// ---------------------------------------------------------------- steps
function checkBuildOutput() {
  for (const file of ["dist/index.js", "dist/server.js", "dist/styles.css"]) {
    if (!existsSync(join(root, file))) throw new Fatal(`${file} is missing: run \`npm run build\` first.`);
  }
  if (newestMtime(join(root, "src")) > statSync(join(root, "dist/index.js")).mtimeMs) {
    console.log("  ! src/ has changed since dist/ was built; testing dist/ as it is (run `npm run build` to refresh).");
  }
}

async function packLibrary(work) {
  const { output } = await run("npm pack", "npm", ["pack", "--json", "--pack-destination", work, "--loglevel=error"], {
    cwd: root,
    timeoutMs: 120_000,
  });
  const [info] = JSON.parse(output.slice(output.indexOf("[")));
  const target = join(app, ".flowiq", "flowiq-react.tgz");
  mkdirSync(join(app, ".flowiq"), { recursive: true });
  copyFileSync(join(work, info.filename), target);
  return info;
}

/**
 * A lockfile integrity for the local tarball would let npm reuse an older,
 * cached copy of the library (its cache is keyed by integrity), so the lock
 * must carry none; an `npm install` in the example adds one back.
 */
function unpinTarballInLock() {
  const path = join(app, "package-lock.json");
  const lock = JSON.parse(readFileSync(path, "utf8"));
  const entry = lock.packages?.["node_modules/@flowiq/react"];
  if (!entry) throw new Fatal("examples/nextjs/package-lock.json has no @flowiq/react entry.");
  if (entry.integrity !== undefined) {
    delete entry.integrity;
    writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
    console.log("  ! removed the tarball's integrity from examples/nextjs/package-lock.json (it must not pin a build).");
  }
}

async function installExample() {
  unpinTarballInLock();
  const { ms } = await run("npm ci (examples/nextjs)", "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: app,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    timeoutMs: 10 * 60_000,
  });
  timings.install = ms;
  // The installed copy must be the build under test, byte for byte.
  for (const file of ["dist/server.js", "dist/index.js", "dist/styles.css"]) {
    const installed = join(app, "node_modules/@flowiq/react", file);
    if (!existsSync(installed) || !readFileSync(installed).equals(readFileSync(join(root, file)))) {
      throw new Fatal(`node_modules/@flowiq/react/${file} in the example is not the one in dist/ (stale install).`);
    }
  }
}

function appEnv(api) {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    FLOWIQ_API_URL: api.origin,
    FLOWIQ_API_KEY: API_KEY,
    FLOWIQ_TENANT_ID: TENANT,
    DEMO_SESSION_SECRET: randomBytes(24).toString("hex"),
  };
}

async function buildExample(env) {
  rmSync(join(app, ".next"), { recursive: true, force: true });
  const { ms, output } = await run("next build", process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: app,
    env,
    timeoutMs: 10 * 60_000,
  });
  timings.build = ms;
  for (const line of output.split("\n")) {
    if (/\bwarn|⚠/i.test(line)) console.log(`  ! next build: ${line.trim()}`);
  }
}

async function startExample(env) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: app,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  cleanups.push(() => stopGroup(child));
  // Ready when the proxy route answers; without a session it is a 401 and
  // touches neither the page nor the API, so the request counts stay clean.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Fatal(`next start exited (${child.exitCode}):\n${output.slice(-3000)}`);
    try {
      const response = await fetchWithTimeout(`${origin}/api/flowiq/contact?phone_number=${IN_BROWSER.digits}`, {}, 2000);
      if (response.status === 401) return { origin, logs: () => output };
      if (response.status !== 503) throw new Fatal(`the proxy route answered ${response.status} to a visitor without a session, not 401.`);
    } catch (error) {
      if (error instanceof Fatal) throw error;
    }
    await sleep(250);
  }
  throw new Fatal(`next start was not ready within 60 s:\n${output.slice(-3000)}`);
}

async function browse(origin) {
  const { chromium } = await import("playwright-core");
  const executablePath = ensureChromium();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
  cleanups.push(() => browser.close());
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);

  const requests = [];
  const bodies = [];
  const console_ = [];
  const pageErrors = [];
  context.on("request", (request) => requests.push({ url: request.url(), method: request.method() }));
  context.on("response", (response) => {
    bodies.push(
      (async () => ({
        url: response.url(),
        status: response.status(),
        headers: await response.allHeaders().catch(() => ({})),
        body: await response.body().catch(() => Buffer.alloc(0)),
      }))(),
    );
  });
  page.on("console", (message) =>
    console_.push({ type: message.type(), text: `${message.text()} (${message.location().url || "no location"})` }),
  );
  page.on("pageerror", (error) => pageErrors.push(error.message));

  const navigation = await page.goto(`${origin}/`, { waitUntil: "load", timeout: 30_000 });
  const html = navigation ? await navigation.text() : "";
  const secondCard = page.locator("article[data-state='ready']").filter({ has: page.getByRole("heading", { name: IN_BROWSER.name }) });
  let secondShown = true;
  try {
    await secondCard.waitFor({ state: "visible", timeout: 20_000 });
  } catch {
    secondShown = false;
  }
  // Give any stray request (a refetch, a retry) time to show itself.
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
  await sleep(1000);
  const firstShown = await page.getByRole("heading", { name: PREFETCHED.name }).isVisible();
  const cookies = await context.cookies();
  const received = await Promise.all(bodies);
  return { html, requests, received, console: console_, pageErrors, secondShown, firstShown, cookies };
}

// ---------------------------------------------------------------- main
async function main() {
  console.log("nextjs: Next.js 16 example, built and driven in Chromium");
  checkBuildOutput();
  const work = mkdtempSync(join(tmpdir(), "flowiq-nextjs-"));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));

  const packed = await packLibrary(work);
  console.log(`  packed ${packed.filename} (${(packed.size / 1024).toFixed(1)} kB)`);
  await installExample();
  console.log(`  installed examples/nextjs in ${seconds(timings.install)}`);

  const api = await startFlowIQStandIn({ apiKey: API_KEY, tenantId: TENANT, contacts });
  cleanups.push(() => api.close());
  const env = appEnv(api);
  await buildExample(env);
  console.log(`  next build in ${seconds(timings.build)}`);
  check("next build makes no API call (the page renders per request)", api.requests.length === 0, `${api.requests.length} calls`);

  const server = await startExample(env);
  const before = api.requests.length;
  check("the proxy route answers a visitor without a session with 401 and no API call", before === 0, `${before} calls`);

  const seen = await browse(server.origin);
  const appOrigin = server.origin;
  const contactCalls = seen.requests.filter((r) => new URL(r.url).pathname === "/api/flowiq/contact");
  const lookedUp = (r) => {
    const params = new URL(r.url).searchParams;
    return (params.get("phone_number") ?? params.get("whatsapp_id") ?? "").replace(/\D/g, "");
  };

  // The server HTML.
  check(`the prefetched card (${PREFETCHED.name}) is in the server HTML`, seen.html.includes(PREFETCHED.name));
  check(
    `the browser-loaded card (${IN_BROWSER.name}) is not in the server HTML`,
    !seen.html.includes(IN_BROWSER.name),
    "it was rendered on the server, so the proxy path was not exercised",
  );

  // What the browser asked for.
  const forPrefetched = seen.requests.filter((r) => r.url.includes(PREFETCHED.digits) || (contactCalls.includes(r) && lookedUp(r) === PREFETCHED.digits));
  check("the browser makes no request for the prefetched contact", forPrefetched.length === 0, forPrefetched.map((r) => r.url).join(", "));
  check(
    "the browser makes exactly one request, through /api/flowiq/contact, for the other contact",
    contactCalls.length === 1 && lookedUp(contactCalls[0]) === IN_BROWSER.digits && contactCalls[0].method === "GET",
    contactCalls.map((r) => `${r.method} ${r.url}`).join(", ") || "none",
  );
  const toApi = seen.requests.filter((r) => new URL(r.url).origin === api.origin);
  check("no browser request goes to the API's origin", toApi.length === 0, toApi.map((r) => r.url).join(", "));
  const elsewhere = seen.requests.filter((r) => !/^(data|blob):/.test(r.url) && !r.url.startsWith(`${appOrigin}/`));
  check("no browser request leaves the app's own origin", elsewhere.length === 0, elsewhere.map((r) => r.url).join(", "));

  // What reached the API.
  const upstream = api.requests.slice(before);
  const upstreamFor = (digits) => upstream.filter((r) => r.digits === digits);
  check(
    "the API got one call per contact (the server's prefetch, the proxy's lookup), each with the key and the server's tenant",
    upstream.length === 2 &&
      upstreamFor(PREFETCHED.digits).length === 1 &&
      upstreamFor(IN_BROWSER.digits).length === 1 &&
      upstream.every((r) => r.authorized && r.tenantId === TENANT && r.status === 200),
    JSON.stringify(upstream),
  );

  // The page as the visitor sees it.
  check(`the prefetched card shows ${PREFETCHED.name} after hydration`, seen.firstShown);
  check(`the second card shows ${IN_BROWSER.name}`, seen.secondShown);
  const problems = [
    ...seen.pageErrors.map((text) => `pageerror: ${text}`),
    ...seen.console
      .filter((m) => m.type === "error" || (m.type === "warning" && /hydrat|did not match|didn't match/i.test(m.text)))
      .map((m) => `${m.type}: ${m.text}`),
  ];
  check("no hydration warning, console error or page error", problems.length === 0, problems.join("\n      "));

  // The key.
  const leaks = [];
  if (seen.html.includes(API_KEY)) leaks.push("the server HTML");
  for (const response of seen.received) {
    const headerText = Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`).join("\n");
    if (response.body.includes(API_KEY) || headerText.includes(API_KEY)) leaks.push(`response ${response.url}`);
  }
  const staticDir = join(app, ".next/static");
  let scanned = 0;
  for (const file of filesUnder(staticDir)) {
    scanned++;
    if (readFileSync(file).includes(API_KEY)) leaks.push(relative(app, file));
  }
  check(
    `the key is in no HTML, no response the browser got (${seen.received.length}) and no file of .next/static (${scanned})`,
    leaks.length === 0 && scanned > 0 && seen.received.length > 0,
    leaks.join(", ") || "nothing was scanned",
  );
  const proxyAnswer = seen.received.find((r) => new URL(r.url).pathname === "/api/flowiq/contact");
  check(
    "the proxy's answer carries Cache-Control: private, no-store",
    proxyAnswer?.headers["cache-control"] === "private, no-store",
    JSON.stringify(proxyAnswer?.headers ?? {}),
  );

  // The route's own rules, from outside the browser.
  const session = seen.cookies.find((c) => c.name === "demo_session");
  const cookie = session ? `${session.name}=${session.value}` : "";
  const countBefore = api.requests.length;
  const forged = await fetchWithTimeout(`${appOrigin}/api/flowiq/contact?phone_number=${IN_BROWSER.digits}`, {
    headers: { cookie: `demo_session=${randomBytes(8).toString("hex")}.${randomBytes(32).toString("base64url")}` },
  });
  check("a forged session cookie gets 401 and no API call", forged.status === 401 && api.requests.length === countBefore, `${forged.status}`);
  const otherTenant = await fetchWithTimeout(`${appOrigin}/api/flowiq/contact?tenantId=someone-else&whatsapp_id=${IN_BROWSER.digits}`, {
    headers: { cookie },
  });
  const otherBody = await otherTenant.text();
  const last = api.requests.at(-1);
  check(
    "a tenantId sent by the browser is ignored: the API is asked for the server's tenant",
    Boolean(session) && otherTenant.status === 200 && last?.tenantId === TENANT && !otherBody.includes(API_KEY),
    `${otherTenant.status}, upstream tenant ${last?.tenantId}`,
  );
  const invalid = await fetchWithTimeout(`${appOrigin}/api/flowiq/contact?phone_number=12`, { headers: { cookie } });
  const countAfterInvalid = api.requests.length;
  check("an invalid lookup gets 400 and no API call", invalid.status === 400 && countAfterInvalid === countBefore + 1, `${invalid.status}`);
  const post = await fetchWithTimeout(`${appOrigin}/api/flowiq/contact?phone_number=${IN_BROWSER.digits}`, { method: "POST", headers: { cookie } });
  check("POST gets 405 and no API call", post.status === 405 && api.requests.length === countAfterInvalid, `${post.status}`);
}

const watchdog = setTimeout(() => {
  console.error(`nextjs: gave up after ${seconds(WATCHDOG_MS)}`);
  void cleanup().finally(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

let fatal;
try {
  await main();
} catch (error) {
  fatal = error;
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
timings.total = Date.now() - started;
const failed = results.filter((r) => !r.ok).length;
const passed = results.length - failed;
if (fatal) {
  console.error(`nextjs: stopped: ${fatal instanceof Fatal ? fatal.message : (fatal?.stack ?? String(fatal))}`);
}
console.log(
  `nextjs: ${passed} passed, ${failed + (fatal ? 1 : 0)} failed` +
    ` (install ${timings.install ? seconds(timings.install) : "-"}, next build ${timings.build ? seconds(timings.build) : "-"}, total ${seconds(timings.total)})`,
);
process.exit(failed > 0 || fatal ? 1 : 0);
