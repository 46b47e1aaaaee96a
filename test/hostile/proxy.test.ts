// @vitest-environment node
// The proxy, probed as an attacker with a valid session would, given what production brings:
// an unusual upstream, a custom fetch, an async onError. Each row failed on 0.2.
import { delay, http, HttpResponse, type HttpResponseResolver } from "msw";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import type { ContactBatchResponse } from "../../src/core/contactBatchWire.js";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { getContact } from "../../src/core/getContact.js";
import { parseRetryAfter } from "../../src/core/retryPolicy.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { createContactRouteHandler, type ContactRouteHandlerOptions } from "../../src/server/createContactRouteHandler.js";
import { server, toLocalServers } from "../server.js";
import { API, recordRequests } from "../utils.js";
import { everyStringIn } from "./support.js";

// 35 characters, as the probe's key was; the "a" near its end is the one an upstream escapes.
const KEY = "fiq_live_7Hq2xK9pLm3N8vR4tW6yaB5cD1";
const MOUNT = "http://127.0.0.1:3000/api/flowiq";
const NUMBER = "27825550101";
const SINGLE = `${MOUNT}/contact?phone_number=${NUMBER}`;
const BATCH = `${MOUNT}/contacts?phone_number=${NUMBER}&phone_number=27825550102`;
const contactFor = (digits: string) => buildContact({ id: `c-${digits}`, full_name: `Contact ${digits}`, phone_number: `+${digits}` });
const digitsOf = (request: Request) => new URL(request.url).searchParams.get("phone_number") ?? "";

function route(overrides: Partial<ContactRouteHandlerOptions> = {}) {
  return createContactRouteHandler({ tenantId: "acme", apiKey: KEY, authorize: () => true, ...overrides });
}

/** The upstream: `answer` for every lookup (a healthy contact when it returns nothing). */
function upstream(answer: (request: Request) => ReturnType<HttpResponseResolver> | undefined = () => undefined) {
  server.use(
    http.get(`${API}/contact`, async ({ request }) => (await answer(request)) ?? HttpResponse.json({ success: true, contact: contactFor(digitsOf(request)) })),
  );
  return recordRequests(server);
}

/** Every run of 8 characters of the key found in `strings`, read as they are, URL-decoded and HTML-decoded. */
function keyRuns(strings: string[]): string[] {
  const decodings = (text: string) => {
    const out = [text, text.replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))];
    try {
      out.push(decodeURIComponent(text));
    } catch {
      out.push(text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
    }
    return out;
  };
  const found = new Set<string>();
  for (const text of strings.flatMap(decodings)) {
    for (let start = 0; start + 8 <= KEY.length; start++) {
      const run = KEY.slice(start, start + 8);
      if (text.includes(run)) found.add(run);
    }
  }
  return [...found];
}

/** What a browser and a log could see of one answer: its text, headers and the parsed strings. */
async function visible(response: Response): Promise<string[]> {
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  return [text, ...[...response.headers].map(([name, value]) => `${name}: ${value}`), ...everyStringIn(parsed)];
}

/** Every way an app's onError might print an error. */
function printed(error: unknown): string[] {
  const cause = (error as { cause?: unknown }).cause;
  let json: string;
  try {
    json = JSON.stringify(error) ?? "";
  } catch {
    json = "";
  }
  return [inspect(error, { depth: 10 }), json, String(cause), inspect(cause, { depth: 10 }), ...everyStringIn(error)];
}

/** Settles within `ms` or says it hung (so a locked proxy fails its row instead of the whole run). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | "hung"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<"hung">((resolve) => (timer = setTimeout(() => resolve("hung"), ms)));
  try {
    return await Promise.race([promise, hung]);
  } finally {
    clearTimeout(timer);
  }
}

const jsonText = (body: string, status: number): HttpResponseResolver => () =>
  new HttpResponse(body, { status, headers: { "Content-Type": "application/json" } });
// The key with its "a" written as a JSON escape, placed so the 500-character cut falls inside it.
const escapedKey = KEY.replace("a", "\\u0061");
const atTheCut = `${"x".repeat(500 - 34)}${escapedKey}`;

type KeyRow = { name: string; answer: HttpResponseResolver };
const keyForms: KeyRow[] = [
  { name: "a 400 with one character of the key JSON-escaped at the 500-character cut", answer: jsonText(`{"error":"Bad request","message":"${atTheCut}"}`, 400) },
  { name: "a 422 with one character of the key JSON-escaped at the cut", answer: jsonText(`{"message":"${atTheCut}"}`, 422) },
  { name: "a 400 with the key JSON-escaped throughout", answer: jsonText(`{"message":"bad ${[...KEY].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}"}`, 400) },
  { name: "a 400 with the key URL-encoded", answer: jsonText(`{"message":"bad key=${[...KEY].map((char) => `%${char.charCodeAt(0).toString(16)}`).join("")}"}`, 400) },
  { name: "a 400 with the key as HTML character references", answer: jsonText(`{"message":"bad &#x66;&#105;q_live_7Hq2xK9pLm3N8vR4tW6y&#97;B5cD1"}`, 400) },
  { name: "a 400 holding 34 of the key's 35 characters", answer: jsonText(`{"message":"bad ${KEY.slice(0, 34)}"}`, 400) },
  { name: "a 200 whose contact holds the key JSON-escaped", answer: jsonText(`{"success":true,"contact":{"id":"c-1","full_name":"Ada ${escapedKey}"}}`, 200) },
];

describe("the proxy given an upstream that echoes the key in another form", () => {
  it.each(keyForms)("keeps every run of the key out of the answer and onError, single and batch: $name", async ({ answer }) => {
    upstream((request) => answer({ request } as never) as Response);
    const reported: FlowIQError[] = [];
    const handler = route({ onError: (error) => void reported.push(error) });
    const seen = [...(await visible(await handler(new Request(SINGLE)))), ...(await visible(await handler(new Request(BATCH))))];
    expect(keyRuns(seen)).toEqual([]);
    expect(keyRuns(reported.flatMap(printed))).toEqual([]);
  });
});

describe("the proxy given a fetch that ignores its abort signal", () => {
  const healthy = (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init);

  it("answers 504 by the timeout and still answers healthy lookups after seven calls through a fetch that never settles", async () => {
    upstream();
    const stuck = "27825550999";
    const handler = route({
      timeoutMs: 300,
      fetch: (input, init) => (String(input).includes(stuck) ? new Promise<Response>(() => {}) : healthy(input, init)),
    });
    const hung = Array.from({ length: 7 }, () => within(handler(new Request(`${MOUNT}/contact?phone_number=${stuck}`)), 4000));
    const single = await within(handler(new Request(SINGLE)), 4000);
    const batch = await within(handler(new Request(BATCH)), 4000);
    expect((await Promise.all(hung)).map((answer) => (answer === "hung" ? answer : answer.status))).toEqual(Array(7).fill(504));
    expect(single === "hung" ? single : single.status).toBe(200);
    expect(batch === "hung" ? batch : ((await batch.json()) as ContactBatchResponse).results.map((result) => result.status)).toEqual([200, 200]);
  });

  it("frees its slot when the visitor goes away, even though the fetch never settles", async () => {
    upstream();
    const stuck = "27825550999";
    const handler = route({
      timeoutMs: 60_000,
      maxConcurrentRequests: 1,
      fetch: (input, init) => (String(input).includes(stuck) ? new Promise<Response>(() => {}) : healthy(input, init)),
    });
    const visitor = new AbortController();
    const gone = within(handler(new Request(`${MOUNT}/contact?phone_number=${stuck}`, { signal: visitor.signal })), 4000);
    await delay(50);
    visitor.abort();
    const next = await within(handler(new Request(SINGLE)), 4000);
    expect(next === "hung" ? next : next.status).toBe(200);
    expect(await gone).not.toBe("hung");
  });

  /** A body that hands over 64 KB on every pull, for ever, and records pulls and its cancellation. */
  function endlessBody() {
    const state = { pulls: 0, cancelled: false };
    const chunk = new TextEncoder().encode(`{"success":true,"contact":{"id":"c-1","full_name":"${"x".repeat(64 * 1024)}`);
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        state.pulls++;
        await new Promise((resolve) => setTimeout(resolve, 1));
        controller.enqueue(chunk);
      },
      cancel() {
        state.cancelled = true;
      },
    });
    return { body, state };
  }

  it("stops reading and cancels a body that streams for ever after the timeout", async () => {
    const { body, state } = endlessBody();
    const handler = route({ timeoutMs: 300, fetch: async () => new Response(body, { status: 200 }) });
    const answer = await within(handler(new Request(SINGLE)), 4000);
    expect(answer === "hung" ? answer : answer.status).toBe(504);
    const pullsAtAnswer = state.pulls;
    await delay(300);
    expect(state.cancelled).toBe(true);
    expect(state.pulls - pullsAtAnswer).toBeLessThanOrEqual(1);
  });

  it("cancels the body of an answer that arrives after the timeout", async () => {
    const { body, state } = endlessBody();
    let answered = false;
    const handler = route({
      timeoutMs: 200,
      fetch: () =>
        new Promise<Response>((resolve) =>
          setTimeout(() => {
            answered = true;
            resolve(new Response(body, { status: 200 }));
          }, 600),
        ),
    });
    const answer = await within(handler(new Request(SINGLE)), 4000);
    expect(answer === "hung" ? answer : answer.status).toBe(504);
    await vi.waitFor(() => expect(answered).toBe(true), { timeout: 4000 });
    await vi.waitFor(() => expect(state.cancelled).toBe(true), { timeout: 2000 });
  });
});

describe("the proxy given a fetch that throws with the request in its cause", () => {
  const withHeaders = () => new Headers({ Authorization: `Bearer ${KEY}`, Accept: "application/json" });
  const rows: Array<{ name: string; cause: () => unknown }> = [
    { name: "Headers", cause: withHeaders },
    { name: "a Request", cause: () => new Request(`${API}/contact`, { headers: withHeaders() }) },
    { name: "a plain object holding Headers", cause: () => ({ code: "ECONNRESET", headers: withHeaders() }) },
    { name: "a ky-style error with request and options", cause: () => Object.assign(new Error("Request failed"), { request: new Request(`${API}/contact`, { headers: withHeaders() }), options: { headers: withHeaders() } }) },
    { name: "a Map of headers", cause: () => new Map([["authorization", `Bearer ${KEY}`]]) },
  ];

  it.each(rows)("hands onError nothing that prints the key ($name), single and batch", async ({ cause }) => {
    const reported: FlowIQError[] = [];
    const handler = route({
      fetch: () => Promise.reject(new TypeError("fetch failed", { cause: cause() })),
      onError: (error) => void reported.push(error),
    });
    expect((await handler(new Request(SINGLE))).status).toBe(502);
    expect((await handler(new Request(BATCH))).status).toBe(200);
    expect(reported.length).toBeGreaterThanOrEqual(2);
    expect(reported.map((error) => error.code)).toEqual(reported.map(() => "network"));
    expect(keyRuns(reported.flatMap(printed))).toEqual([]);
  });

  it("hands onError nothing that prints the key when the key function fails with the key in its error", async () => {
    const reported: FlowIQError[] = [];
    let calls = 0;
    const handler = route({
      // The first call succeeds (so the proxy knows the key), the second fails naming it.
      apiKey: () => (calls++ === 0 ? KEY : Promise.reject(new Error(`vault: ${KEY} expired`))),
      fetch: () => Promise.resolve(Response.json({ success: true, contact: contactFor(NUMBER) })),
      onError: (error) => void reported.push(error),
    });
    expect((await handler(new Request(SINGLE))).status).toBe(200);
    expect((await handler(new Request(SINGLE))).status).toBe(500);
    expect(reported.map((error) => error.code)).toEqual(["config"]);
    expect(keyRuns(reported.flatMap(printed))).toEqual([]);
  });

  it("still knows the key when the key function, between a good call and a failing one, returned no key", async () => {
    const reported: FlowIQError[] = [];
    const answers: Array<() => unknown> = [() => KEY, () => undefined, () => Promise.reject(new Error(`vault: ${KEY} expired`))];
    const handler = route({
      apiKey: () => (answers.shift() ?? (() => KEY))() as string,
      fetch: () => Promise.resolve(Response.json({ success: true, contact: contactFor(NUMBER) })),
      onError: (error) => void reported.push(error),
    });
    expect((await handler(new Request(SINGLE))).status).toBe(200);
    expect((await handler(new Request(SINGLE))).status).toBe(500);
    expect((await handler(new Request(SINGLE))).status).toBe(500);
    expect(reported.map((error) => error.code)).toEqual(["config", "config"]);
    expect(keyRuns(reported.flatMap(printed))).toEqual([]);
  });

  it("hands onError nothing that prints the key a request used, after the key has rotated under it", async () => {
    const reported: FlowIQError[] = [];
    const keys = [KEY, "fiq_live_rotated_0Zy9Xw8Vu7Ts6Rq5"];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const handler = route({
      apiKey: () => keys.shift() ?? KEY,
      // The first call (with the old key) fails naming it, but only once the second has used the new one.
      fetch: async (input) => {
        if (!String(input).includes(NUMBER)) return Response.json({ success: true, contact: contactFor("27825550102") });
        await held;
        throw new FlowIQError("server", `upstream 503 for ${KEY}`, { status: 503 });
      },
      onError: (error) => void reported.push(error),
    });
    const old = handler(new Request(SINGLE));
    await vi.waitFor(() => expect(keys).toHaveLength(1));
    expect((await handler(new Request(`${MOUNT}/contact?phone_number=27825550102`))).status).toBe(200);
    release();
    expect((await old).status).toBe(502);
    expect(reported.map((error) => error.code)).toEqual(["server"]);
    expect(keyRuns(reported.flatMap(printed))).toEqual([]);
  });
});

describe("the proxy given an onError that fails", () => {
  it("handles the rejection of an async onError (no unhandled rejection), single and batch", async () => {
    upstream(() => HttpResponse.json({ error: "Internal" }, { status: 500 }));
    const returned: Array<Promise<void>> = [];
    const handled: boolean[] = [];
    const onError = () => {
      const promise = Promise.reject(new Error("logger down"));
      const then = promise.then.bind(promise);
      let index = -1;
      // Whatever catches the rejection must call then (catch and Promise.resolve both do).
      promise.then = ((...args: Parameters<typeof then>) => {
        handled[index] = true;
        return then(...args);
      }) as typeof promise.then;
      index = returned.push(promise) - 1;
      handled[index] = false;
      return promise;
    };
    const handler = route({ onError: onError as unknown as ContactRouteHandlerOptions["onError"] });
    expect((await handler(new Request(SINGLE))).status).toBe(502);
    expect((await handler(new Request(BATCH))).status).toBe(200);
    await delay(0);
    expect(returned.length).toBeGreaterThanOrEqual(2);
    expect(handled).toEqual(returned.map(() => true));
  });

  it("reports a saturated batch's timeouts in one onError call, and each other upstream failure on its own", async () => {
    const numbers = Array.from({ length: 50 }, (_, n) => String(27825550000 + n));
    upstream(async (request) => {
      const digits = digitsOf(request);
      if (digits === numbers[0] || digits === numbers[1]) return HttpResponse.json({ error: "Internal" }, { status: 500 });
      await delay("infinite");
      return undefined;
    });
    const onError = vi.fn();
    const handler = route({ timeoutMs: 300, maxConcurrentRequests: 2, onError });
    const response = await handler(new Request(`${MOUNT}/contacts?${numbers.map((n) => `phone_number=${n}`).join("&")}`));
    const { results } = (await response.json()) as ContactBatchResponse;
    expect(results.filter((result) => result.status === 504)).toHaveLength(48);
    const codes = onError.mock.calls.map(([error]) => (error as FlowIQError).code).sort();
    expect(codes).toEqual(["server", "server", "timeout"]);
    expect((onError.mock.calls.find(([error]) => (error as FlowIQError).code === "timeout")?.[0] as FlowIQError).message).toMatch(/^48 contacts .* within 300 ms\./);
  });

  it("reports a batch's only timeout as that contact's own error, not as a count", async () => {
    upstream(async (request) => {
      if (digitsOf(request) === NUMBER) await delay("infinite");
      return undefined;
    });
    const onError = vi.fn();
    const response = await route({ timeoutMs: 500, onError })(new Request(BATCH));
    const { results } = (await response.json()) as ContactBatchResponse;
    expect(results.map((result) => result.status)).toEqual([504, 200]);
    expect(onError).toHaveBeenCalledTimes(1);
    const reported = onError.mock.calls[0]?.[0] as FlowIQError;
    expect(reported.code).toBe("timeout");
    expect(reported.message).not.toMatch(/contacts of one batch/);
  });
});

/** A real HTTP server on 127.0.0.1 that answers with `handle` and counts hits. */
async function realServer(handle: (request: IncomingMessage, response: ServerResponse, self: string) => void) {
  let hits = 0;
  let self = "";
  const http: Server = createServer((request, response) => {
    hits++;
    handle(request, response, self);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  self = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  return {
    url: self,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

describe("the proxy given an upstream that redirects (real HTTP, Node's fetch)", () => {
  it.each([
    ["to another host", "other"],
    ["to the same host with another tenant", "tenant"],
    ["in a loop", "loop"],
  ] as const)("never follows a redirect %s: one hit upstream, a 502 for single and batch", async (_name, kind) => {
    server.use(toLocalServers);
    const other = await realServer((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ success: true, contact: buildContact({ id: "c-evil", full_name: "Mallory" }) }));
    });
    const api = await realServer((request, response, self) => {
      const target =
        kind === "other" ? `${other.url}/contact` : kind === "tenant" && !request.url?.includes("tenantId=other") ? `${self}/contact?tenantId=other` : `${self}${request.url}`;
      if (kind === "tenant" && request.url?.includes("tenantId=other")) {
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ success: true, contact: buildContact({ id: "c-other-tenant" }) }));
        return;
      }
      response.writeHead(302, { Location: target });
      response.end();
    });
    try {
      const handler = route({ baseUrl: api.url });
      const single = await handler(new Request(SINGLE));
      expect(single.status).toBe(502);
      expect(await single.json()).toMatchObject({ error: "Bad gateway", message: expect.stringMatching(/redirect/i) });
      const batch = (await (await handler(new Request(`${MOUNT}/contacts?phone_number=${NUMBER}`))).json()) as ContactBatchResponse;
      expect(batch.results.map((result) => result.status)).toEqual([502]);
      expect(api.hits()).toBe(2);
      expect(other.hits()).toBe(0);
    } finally {
      await Promise.all([api.close(), other.close()]);
    }
  });
});

describe("getContact and the proxy given a redirect from their fetch", () => {
  // What a browser's fetch hands back for a redirect under redirect: "manual".
  const asOpaqueRedirect = (response: Response) => Object.defineProperties(response, { type: { value: "opaqueredirect" }, status: { value: 0 } });

  it.each([
    ["a 302", () => new Response(null, { status: 302, headers: { Location: "https://evil.example/contact" } })],
    ["a 307", () => new Response(null, { status: 307, headers: { Location: "/contact?tenantId=other" } })],
    ["an opaqueredirect (a browser's manual redirect)", () => asOpaqueRedirect(new Response(null))],
  ])("asks for redirect: manual and treats %s as invalid_response (a 502 from the proxy)", async (_name, answer) => {
    const inits: RequestInit[] = [];
    const fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
      inits.push(init ?? {});
      return answer();
    };
    const thrown = await getContact({ tenantId: "acme", apiKey: KEY, fetch }, { phoneNumber: NUMBER }).catch((error: unknown) => error);
    expect(thrown).toMatchObject({ name: "FlowIQError", code: "invalid_response", message: expect.stringMatching(/redirect/) });
    const response = await route({ fetch })(new Request(SINGLE));
    expect(response.status).toBe(502);
    expect(inits.map((init) => init.redirect)).toEqual(["manual", "manual"]);
  });
});

describe("the proxy's deadline, queue included", () => {
  it("answers ten singles against a stalled upstream (cap 2, timeoutMs 500) all with 504 within about timeoutMs", async () => {
    upstream(async () => {
      await delay("infinite");
      return undefined;
    });
    const handler = route({ timeoutMs: 500, maxConcurrentRequests: 2 });
    const started = performance.now();
    const times = await Promise.all(
      Array.from({ length: 10 }, async (_, n) => {
        const response = await handler(new Request(`${MOUNT}/contact?phone_number=${27825550100 + n}`));
        return { status: response.status, ms: performance.now() - started };
      }),
    );
    expect(times.map(({ status }) => status)).toEqual(Array(10).fill(504));
    // 0.2 answered the last after five rounds of the timeout (2.5 s).
    expect(Math.max(...times.map(({ ms }) => ms))).toBeLessThan(500 * 3);
  });

  it("times from arrival: a slow authorize leaves the upstream call only what is left", async () => {
    upstream(async () => {
      await delay("infinite");
      return undefined;
    });
    const handler = route({ timeoutMs: 2000, authorize: () => delay(1500).then(() => true) });
    const started = performance.now();
    const response = await handler(new Request(SINGLE));
    expect(response.status).toBe(504);
    // 0.2 gave the upstream call a full timeoutMs after authorize (3.5 s).
    expect(performance.now() - started).toBeLessThan(2750);
  });

  it("answers another user's lookup by its deadline while one caller's twenty batches of 50 fill the queue", async () => {
    const other = "27829999999";
    // The batches' calls stall; the other user's own call is slow but healthy (1.9 s).
    upstream(async (request) => {
      await delay(digitsOf(request) === other ? 1900 : "infinite");
      return undefined;
    });
    const handler = route({ timeoutMs: 2000, maxConcurrentRequests: 2 });
    const batches = Array.from({ length: 20 }, (_, b) =>
      handler(new Request(`${MOUNT}/contacts?${Array.from({ length: 50 }, (_, n) => `phone_number=${27820000000 + b * 100 + n}`).join("&")}`)),
    );
    await delay(20);
    const started = performance.now();
    const response = await handler(new Request(`${MOUNT}/contact?phone_number=${other}`));
    const ms = performance.now() - started;
    await Promise.all(batches);
    expect([200, 504]).toContain(response.status);
    // 0.2 queued it behind the batches until their deadline, then gave it a full upstream call (about 3.9 s).
    expect(ms).toBeLessThan(3500);
  });
});

describe("the proxy given a hostile Retry-After", () => {
  const rows: Array<{ name: string; value: string; seconds: number | undefined }> = [
    { name: "30 nines", value: "9".repeat(30), seconds: 3600 },
    { name: "400 nines", value: "9".repeat(400), seconds: 3600 },
    { name: "Infinity", value: "Infinity", seconds: undefined },
    { name: "a year in seconds", value: String(365 * 24 * 3600), seconds: 3600 },
    { name: "a date a year ahead", value: new Date(Date.now() + 365 * 24 * 3600_000).toUTCString(), seconds: 3600 },
    { name: "a negative number", value: "-5", seconds: undefined },
    { name: "a fraction", value: "1.5", seconds: undefined },
    { name: "an HTTP-date in the past", value: "Wed, 21 Oct 2015 07:28:00 GMT", seconds: 0 },
    { name: "an hour exactly", value: "3600", seconds: 3600 },
    { name: "two minutes", value: "120", seconds: 120 },
  ];

  it.each(rows)("answers $name with Retry-After $seconds, the same in the batch's retryAfterMs", async ({ value, seconds }) => {
    upstream(() => HttpResponse.json({ error: "Too many requests" }, { status: 429, headers: { "Retry-After": value } }));
    const handler = route();
    const single = await handler(new Request(SINGLE));
    expect(single.status).toBe(429);
    // The tenant's shared back-off holds every lookup back for at least a second after a 429. The 429 itself
    // passes on only what the API said (nothing when its wait was unusable); the lookups held after it say 1 s.
    const heldSeconds = seconds === undefined || seconds === 0 ? 1 : seconds;
    expect(single.headers.get("retry-after")).toBe(seconds === undefined ? null : String(heldSeconds));
    const { results } = (await (await handler(new Request(BATCH))).json()) as ContactBatchResponse;
    expect(results.map((result) => result.retryAfterMs)).toEqual([0, 1].map(() => heldSeconds * 1000));
    expect(parseRetryAfter(value)).toBe(seconds === undefined ? undefined : seconds * 1000);
  });
});

describe("the proxy's paths, lookups and methods", () => {
  it.each(["/foo", "/CONTACTS", "/Contact", "/contacts.json", "/contact.json", "/contactsx", ""])(
    "answers %s under a catch-all mount with a JSON 404 and no upstream call",
    async (path) => {
      const requests = upstream();
      const response = await route()(new Request(`${MOUNT}${path}?phone_number=${NUMBER}`));
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toMatchObject({ error: "Not found", message: expect.stringMatching(/contact/) });
      expect(requests).toHaveLength(0);
    },
  );

  it.each([
    ["a catch-all's /contact", `${MOUNT}/contact?phone_number=${NUMBER}`, "single"],
    ["the route mounted on its own at app/api/flowiq/contact", `http://127.0.0.1:3000/api/flowiq/contact?phone_number=${NUMBER}`, "single"],
    ["a trailing slash", `${MOUNT}/contact/?phone_number=${NUMBER}`, "single"],
    ["a catch-all's /contacts", `${MOUNT}/contacts?phone_number=${NUMBER}`, "batch"],
    ["a batch with a trailing slash", `${MOUNT}/contacts/?phone_number=${NUMBER}`, "batch"],
    ["a batch with two trailing slashes", `${MOUNT}/contacts//?phone_number=${NUMBER}`, "batch"],
  ])("still answers %s", async (_name, url, kind) => {
    upstream();
    const response = await route()(new Request(url));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(kind === "batch" ? "results" in body : "contact" in body).toBe(true);
  });

  it("answers the exact key sent as a lookup the same way as a wrong guess (no key-confirming echo), single and batch", async () => {
    upstream();
    const handler = route();
    const guess = `${KEY.slice(0, -1)}X`;
    const answers = async (value: string) => [
      await (await handler(new Request(`${MOUNT}/contact?phone_number=${encodeURIComponent(value)}`))).text(),
      await (await handler(new Request(`${MOUNT}/contacts?phone_number=${encodeURIComponent(value)}`))).text(),
    ];
    const forKey = await answers(KEY);
    expect(forKey).toEqual(await answers(guess));
    expect(forKey.join("")).not.toContain("redacted");
  });

  it("answers HEAD without any upstream call, single and batch", async () => {
    const requests = upstream();
    const handler = route();
    for (const url of [SINGLE, BATCH]) {
      const response = await handler(new Request(url, { method: "HEAD" }));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("");
    }
    expect(requests).toHaveLength(0);
  });
});

describe("the proxy's error codes on the wire", () => {
  it("answers an upstream that is itself a proxy refusing its session with 502 and code session_refused, single and each batch item", async () => {
    // Not a 401: the browser would take that for its own session being refused.
    upstream(() => HttpResponse.json({ error: "Unauthorized", code: "session_refused", message: "no session" }, { status: 401 }));
    const handler = route();
    const single = await handler(new Request(SINGLE));
    expect(single.status).toBe(502);
    expect(await single.json()).toMatchObject({ error: "Bad gateway", code: "session_refused" });
    const { results } = (await (await handler(new Request(BATCH))).json()) as ContactBatchResponse;
    expect(results).toEqual([expect.objectContaining({ status: 502, code: "session_refused" }), expect.objectContaining({ status: 502, code: "session_refused" })]);
  });

  it("answers an authorize refusal with 401 and code session_refused", async () => {
    const response = await route({ authorize: () => false })(new Request(SINGLE));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "Unauthorized", code: "session_refused" });
  });

  it.each([
    [401, "unauthorized"],
    [403, "forbidden"],
  ])("answers an upstream %i with 502 and code %s, single and each batch item", async (status, code) => {
    upstream(() => HttpResponse.json({ error: "no" }, { status }));
    const handler = route();
    const single = await handler(new Request(SINGLE));
    expect(single.status).toBe(502);
    expect(await single.json()).toMatchObject({ error: "Bad gateway", code });
    const { results } = (await (await handler(new Request(BATCH))).json()) as ContactBatchResponse;
    expect(results).toEqual([expect.objectContaining({ status: 502, code }), expect.objectContaining({ status: 502, code })]);
  });
});
