// The Next.js example end to end, against `next start` of a real `next build` and the stand-in
// API (both started by playwright.config.ts): the prefetched card is in the server HTML with no
// browser request, the other card and the table of ten conversations load through the catch-all
// proxy route with exactly one (batched) request, the key reaches nothing the browser gets,
// hydration is clean, and the route keeps its rules for single lookups and batches.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { expect, test, type BrowserContext } from "@playwright/test";
import { NEXTJS, PORTS } from "../../playwright.config.js";
import type { Contact } from "../../src/core/types.js";
import type { StandInRequest } from "../../standin/index.js";

const root = resolve(import.meta.dirname, "../..");
const app = join(root, "examples/nextjs");
const API = `http://127.0.0.1:${PORTS.nextjsApi}`;
const contacts = JSON.parse(readFileSync(join(import.meta.dirname, "contacts.json"), "utf8")) as Contact[];
const [PREFETCHED, IN_BROWSER, ...rest] = contacts.map((contact) => ({ digits: contact.whatsapp_id!, name: contact.full_name! }));
/** The recent conversations, loaded in the browser; the callbacks, read on the server and streamed. */
const TABLE = rest.filter((contact) => contact.digits.startsWith("278255503"));
const STREAMED = rest.filter((contact) => contact.digits.startsWith("278255504"));

const apiRequests = async (): Promise<StandInRequest[]> => (await fetch(`${API}/__requests`)).json();
/** Every number a request to the proxy asks for (a batch asks for many), as digits. */
const asked = (url: string) => {
  const params = new URL(url).searchParams;
  return [...params.getAll("phone_number"), ...params.getAll("whatsapp_id")].map((value) => value.replace(/\D/g, ""));
};
const isProxyCall = (url: string) => new URL(url).pathname.startsWith("/api/flowiq/");
function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) yield* filesUnder(join(dir, entry.name));
    else if (entry.isFile()) yield join(dir, entry.name);
  }
}

type Seen = {
  before: StandInRequest[];
  upstream: StandInRequest[];
  html: string;
  requests: { url: string; method: string }[];
  responses: { url: string; headers: Record<string, string>; body: Buffer }[];
  problems: string[];
  context: BrowserContext;
};
let seen: Seen;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser, baseURL }) => {
  const before = await apiRequests();
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const requests: Seen["requests"] = [];
  const responses: Promise<Seen["responses"][number]>[] = [];
  const problems: string[] = [];
  context.on("request", (request) => requests.push({ url: request.url(), method: request.method() }));
  context.on("response", (response) =>
    responses.push(
      (async () => ({
        url: response.url(),
        headers: await response.allHeaders().catch(() => ({})),
        body: await response.body().catch(() => Buffer.alloc(0)),
      }))(),
    ),
  );
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" || (message.type() === "warning" && /hydrat|did not match|didn't match/i.test(message.text()))) {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  const navigation = await page.goto("/");
  const html = (await navigation?.text()) ?? "";
  await expect(page.locator("article[data-state='ready']").filter({ has: page.getByRole("heading", { name: IN_BROWSER!.name }) })).toBeVisible();
  await expect(page.getByRole("heading", { name: PREFETCHED!.name })).toBeVisible();
  await expect(page.locator('section[aria-labelledby="recent"] table [data-part="chip"][data-state="ready"]')).toHaveCount(TABLE.length);
  await expect(page.locator('section[aria-labelledby="callbacks"] table [data-part="chip"]')).toHaveCount(STREAMED.length);
  // Both cards are ready: the page is done unless something stray (a refetch, a retry) is still on its way.
  await page.waitForLoadState("networkidle");
  seen = { before, upstream: (await apiRequests()).slice(before.length), html, requests, responses: await Promise.all(responses), problems, context };
});

test.afterAll(async () => {
  await seen?.context.close();
});

test("next build and the readiness probe asked the API nothing (the page renders per request; the route refuses a visitor without a session)", () => {
  expect(seen.before).toEqual([]);
});

test("the prefetched card is in the server HTML, the browser-loaded one is not", () => {
  expect(seen.html).toContain(PREFETCHED!.name);
  expect(seen.html, "rendered on the server, so the proxy path was not exercised").not.toContain(IN_BROWSER!.name);
});

test("the browser makes no request for the prefetched contact and ONE, a batch through /api/flowiq/contacts, for the other card and the table", () => {
  const proxyCalls = seen.requests.filter((request) => isProxyCall(request.url));
  expect(seen.requests.filter((request) => request.url.includes(PREFETCHED!.digits))).toEqual([]);
  expect(proxyCalls.map((request) => [request.method, new URL(request.url).pathname])).toEqual([["GET", "/api/flowiq/contacts"]]);
  expect(asked(proxyCalls[0]!.url).sort()).toEqual([IN_BROWSER!, ...TABLE].map((contact) => contact.digits).sort());
});

test("the table shows each conversation's contact by name", async () => {
  const page = seen.context.pages()[0]!;
  await expect(page.locator('section[aria-labelledby="recent"] table [data-part="chip"]')).toHaveText(TABLE.map((contact) => new RegExp(contact.name)));
});

test("the streamed table shows its contacts, streamed into the server HTML, and the browser asks for none of them", async () => {
  const page = seen.context.pages()[0]!;
  await expect(page.locator('section[aria-labelledby="callbacks"] table [data-part="chip"]')).toHaveText(STREAMED.map((contact) => new RegExp(contact.name)));
  for (const contact of STREAMED) expect(seen.html).toContain(contact.name);
  const askedByBrowser = seen.requests.filter((request) => isProxyCall(request.url)).flatMap((request) => asked(request.url));
  expect(askedByBrowser.filter((digits) => STREAMED.some((contact) => contact.digits === digits))).toEqual([]);
  // The server read each of them once, straight from the API.
  expect(seen.upstream.filter((request) => STREAMED.some((contact) => contact.digits === request.digits)).map((request) => request.digits).sort()).toEqual(
    STREAMED.map((contact) => contact.digits).sort(),
  );
});

test("a visitor whose browser asks for German gets the contact components in German, the language named by the server layout", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "de-DE" });
  try {
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("link", { name: /Chat öffnen/ }).first()).toBeVisible();
  } finally {
    await context.close();
  }
});

test("no browser request leaves the app's own origin (none goes to the API)", ({ baseURL }) => {
  expect(seen.requests.filter((request) => request.url.startsWith(API))).toEqual([]);
  expect(seen.requests.filter((request) => !/^(data|blob):/.test(request.url) && !request.url.startsWith(`${baseURL}/`))).toEqual([]);
});

test("the API got one call per contact (the server's prefetch and streamed reads, the proxy's lookups), each with the key and the server's tenant", () => {
  expect(seen.upstream.map((request) => request.digits).sort()).toEqual([PREFETCHED!, IN_BROWSER!, ...TABLE, ...STREAMED].map((contact) => contact.digits).sort());
  expect(seen.upstream.every((request) => request.authorized && request.tenantId === NEXTJS.tenant && request.status === 200)).toBe(true);
});

test("hydration is clean: no hydration warning, console error or page error", () => {
  expect(seen.problems).toEqual([]);
});

test("the key is in no HTML, no response the browser got and no file of .next/static", () => {
  const leaks = seen.html.includes(NEXTJS.apiKey) ? ["the server HTML"] : [];
  for (const response of seen.responses) {
    if (response.body.includes(NEXTJS.apiKey) || JSON.stringify(response.headers).includes(NEXTJS.apiKey)) leaks.push(`response ${response.url}`);
  }
  const files = [...filesUnder(join(app, ".next/static"))];
  for (const file of files) if (readFileSync(file).includes(NEXTJS.apiKey)) leaks.push(relative(app, file));
  expect(seen.responses.length).toBeGreaterThan(0);
  expect(files.length).toBeGreaterThan(0);
  expect(leaks).toEqual([]);
});

test("the proxy's answer carries Cache-Control: private, no-store", () => {
  const answer = seen.responses.find((response) => isProxyCall(response.url));
  expect(answer?.headers["cache-control"]).toBe("private, no-store");
});

test.describe("the proxy route, called from outside the browser", () => {
  const call = async (path: string, init: RequestInit = {}) => {
    const count = (await apiRequests()).length;
    const response = await fetch(`http://127.0.0.1:${PORTS.nextjs}${path}`, { redirect: "manual", ...init });
    return { status: response.status, body: await response.text(), upstream: (await apiRequests()).slice(count) };
  };
  const session = async () => {
    const cookie = (await seen.context.cookies()).find((candidate) => candidate.name === "demo_session");
    expect(cookie).toBeDefined();
    return `${cookie!.name}=${cookie!.value}`;
  };

  test("answers a forged session cookie with 401 and asks the API nothing", async () => {
    const forged = `demo_session=${randomBytes(8).toString("hex")}.${randomBytes(32).toString("base64url")}`;
    expect(await call(`/api/flowiq/contact?phone_number=${IN_BROWSER!.digits}`, { headers: { cookie: forged } })).toMatchObject({ status: 401, upstream: [] });
  });

  test("ignores a tenantId sent by the browser: the API is asked for the server's tenant", async () => {
    const answer = await call(`/api/flowiq/contact?tenantId=someone-else&whatsapp_id=${IN_BROWSER!.digits}`, { headers: { cookie: await session() } });
    expect(answer.status).toBe(200);
    expect(answer.upstream.map((request) => request.tenantId)).toEqual([NEXTJS.tenant]);
    expect(answer.body).not.toContain(NEXTJS.apiKey);
  });

  test("answers an invalid lookup with 400 and asks the API nothing", async () => {
    expect(await call("/api/flowiq/contact?phone_number=12", { headers: { cookie: await session() } })).toMatchObject({ status: 400, upstream: [] });
  });

  test("answers a batch with a forged session cookie with 401 and asks the API nothing", async () => {
    const forged = `demo_session=${randomBytes(8).toString("hex")}.${randomBytes(32).toString("base64url")}`;
    const query = TABLE.map((contact) => `phone_number=${contact.digits}`).join("&");
    expect(await call(`/api/flowiq/contacts?${query}`, { headers: { cookie: forged } })).toMatchObject({ status: 401, upstream: [] });
  });

  test("answers a batch for the server's tenant whatever tenantId the browser puts in it", async () => {
    const answer = await call(`/api/flowiq/contacts?tenantId=someone-else&whatsapp_id=${IN_BROWSER!.digits}&phone_number=${TABLE[0]!.digits}`, {
      headers: { cookie: await session() },
    });
    expect(answer.status).toBe(200);
    expect(answer.upstream.map((request) => request.tenantId)).toEqual([NEXTJS.tenant, NEXTJS.tenant]);
    expect(answer.body).not.toContain(NEXTJS.apiKey);
  });

  test("answers POST with 405 and asks the API nothing", async () => {
    expect(await call(`/api/flowiq/contact?phone_number=${IN_BROWSER!.digits}`, { method: "POST", headers: { cookie: await session() } })).toMatchObject({ status: 405, upstream: [] });
  });
});

test("installing and building the example rewrote none of its tracked files", () => {
  expect(execFileSync("git", ["status", "--porcelain", "--", "."], { cwd: app, encoding: "utf8" })).toBe("");
});
