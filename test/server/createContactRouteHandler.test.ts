// @vitest-environment node
// The handler runs in a server (a Next.js route), where there is no window or page URL.
import { delay, http, HttpResponse } from "msw";
import { getEventListeners } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { createContactScenarios } from "../../src/msw/contactScenarios.js";
import {
  createContactRouteHandler,
  type ContactRouteHandlerOptions,
} from "../../src/server/createContactRouteHandler.js";
import { server } from "../server.js";
import { API, recordRequests, watchInFlight } from "../utils.js";

const KEY = "fiq_live_9c1d4e7a2b8f";
const PROXY = "http://127.0.0.1:3000/api/flowiq/contact";
const ada = buildContact({ id: "c-ada", full_name: "Ada Lovelace", phone_number: "+27 82 555 0101", whatsapp_id: "27825550101" });

function handler(overrides: Partial<ContactRouteHandlerOptions> = {}) {
  return createContactRouteHandler({ tenantId: "acme", apiKey: KEY, authorize: () => true, ...overrides });
}

function get(query: string, init: RequestInit = {}) {
  return new Request(`${PROXY}${query}`, init);
}

/** The upstream API as the reference describes it, requiring our key. */
function upstream() {
  server.use(...createContactHandlers({ contacts: [ada], apiKey: KEY, tenantId: "acme" }));
  return recordRequests(server);
}

function answerUpstream(status: number, body: unknown, headers: Record<string, string> = {}) {
  server.use(
    http.get(`${API}/contact`, () =>
      typeof body === "string"
        ? new HttpResponse(body, { status, headers: { "Content-Type": "text/html", ...headers } })
        : HttpResponse.json(body as Record<string, unknown>, { status, headers }),
    ),
  );
  return recordRequests(server);
}

async function json(response: Response): Promise<Record<string, unknown>> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return (await response.json()) as Record<string, unknown>;
}

describe("createContactRouteHandler when created", () => {
  it("refuses to exist without authorize, saying how to open it on purpose", () => {
    const options = { tenantId: "acme", apiKey: KEY } as ContactRouteHandlerOptions;
    expect(() => createContactRouteHandler(options)).toThrow(FlowIQError);
    try {
      createContactRouteHandler(options);
    } catch (error) {
      expect((error as FlowIQError).code).toBe("config");
      expect((error as Error).message).toContain("authorize(request) is required");
      expect((error as Error).message).toContain("authorize: () => true");
    }
  });

  it.each([
    ["no options at all", undefined],
    ["null", null],
  ])("throws a config error saying what to pass, given %s", (_name, options) => {
    expect(() => createContactRouteHandler(options as unknown as ContactRouteHandlerOptions)).toThrow(
      expect.objectContaining({ code: "config", message: expect.stringContaining("pass { tenantId, apiKey, authorize }") }),
    );
  });

  it.each([
    ["no tenantId", { tenantId: "" }, "tenantId"],
    ["a blank tenantId", { tenantId: "   " }, "tenantId"],
    ["a tenantId that is not text", { tenantId: 42 }, "tenantId"],
    ["a missing tenantId", { tenantId: undefined }, "tenantId"],
    ["no apiKey", { apiKey: undefined }, "apiKey"],
    ["an empty apiKey", { apiKey: "  " }, "apiKey"],
    ["a relative baseUrl", { baseUrl: "/api/flowiq" }, "absolute"],
    ["a non-http baseUrl", { baseUrl: "javascript:alert(1)" }, "absolute"],
    ["a null cache", { cache: null }, "cache.ttlMs"],
    ["a cache that is a function", { cache: Object.assign(() => undefined, { ttlMs: 60_000 }) }, "cache.ttlMs"],
    ["a cache ttlMs of 0", { cache: { ttlMs: 0 } }, "cache.ttlMs"],
    ["a cache store without delete", { cache: { ttlMs: 60_000, store: { get: () => undefined, set: () => undefined } } }, "Keyv-shaped"],
    ["a callerLimit window of 0 ms", { callerLimit: { lookups: 10, perMs: 0, callerId: () => "ann" } }, "callerLimit"],
    ["a callerLimit window of Infinity", { callerLimit: { lookups: 10, perMs: Infinity, callerId: () => "ann" } }, "callerLimit"],
    ["a callerLimit without callerId", { callerLimit: { lookups: 10, perMs: 60_000 } }, "callerLimit"],
  ])("throws a config error given %s", (_name, overrides, word) => {
    const make = () =>
      createContactRouteHandler({
        tenantId: "acme",
        apiKey: KEY,
        authorize: () => true,
        ...(overrides as Partial<ContactRouteHandlerOptions>),
      });
    expect(make).toThrow(expect.objectContaining({ code: "config", message: expect.stringContaining(word) }));
  });

  it("accepts the smallest valid limits: a batch of one, a budget of one contact per millisecond", async () => {
    const requests = upstream();
    const route = handler({ maxBatchSize: 1, callerLimit: { lookups: 1, perMs: 1, callerId: () => "ann" } });
    expect((await route(get("?phone_number=27825550101"))).status).toBe(200);
    expect(requests).toHaveLength(1);
  });

  it("never puts the key in a creation error", () => {
    let thrown: unknown;
    try {
      createContactRouteHandler({ tenantId: "", apiKey: KEY, authorize: () => true });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: "config" });
    expect(String((thrown as Error).message)).not.toContain(KEY);
    expect(String((thrown as Error).stack)).not.toContain(KEY);
  });
});

describe("createContactRouteHandler given a caller authorize refuses", () => {
  it.each([
    ["false", () => false],
    ["a rejected promise", () => Promise.reject(new Error("no session"))],
    ["a throw", () => {
      throw new Error("bad token");
    }],
    ["a truthy value that is not true", () => "yes" as unknown as boolean],
    ["nothing at all (a forgotten return)", () => undefined as unknown as boolean],
  ])("answers 401 with no upstream call when authorize gives %s", async (_name, authorize) => {
    const requests = upstream();
    const response = await handler({ authorize })(get("?phone_number=27825550101"));
    expect(response.status).toBe(401);
    expect(await json(response)).toMatchObject({ error: "Unauthorized", code: "session_refused" });
    expect(requests).toHaveLength(0);
  });

  it("lets the caller through when an async authorize resolves true, and shows it the request", async () => {
    upstream();
    const authorize = vi.fn(async (request: Request) => request.headers.get("cookie") === "session=ok");
    const route = handler({ authorize });
    expect((await route(get("?phone_number=27825550101", { headers: { cookie: "session=ok" } }))).status).toBe(200);
    expect((await route(get("?phone_number=27825550101", { headers: { cookie: "session=forged" } }))).status).toBe(401);
    expect(authorize).toHaveBeenCalledTimes(2);
  });
});

describe("createContactRouteHandler given a method other than GET", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])("answers %s with 405, Allow: GET and no upstream call", async (method) => {
    const requests = upstream();
    const response = await handler()(get("?phone_number=27825550101", { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toMatch(/\bGET\b/);
    expect(await json(response)).toMatchObject({ error: "Method not allowed", message: "This route only answers GET." });
    expect(requests).toHaveLength(0);
  });

  it("answers HEAD (which Next.js sends to the GET export) like GET, without a body", async () => {
    upstream();
    const response = await handler()(get("?phone_number=27825550101", { method: "HEAD" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.text()).toBe("");
  });

  it("checks the method before asking authorize", async () => {
    const authorize = vi.fn(() => true);
    await handler({ authorize })(get("?phone_number=27825550101", { method: "POST" }));
    expect(authorize).not.toHaveBeenCalled();
  });
});

describe("createContactRouteHandler given a query without exactly one valid lookup", () => {
  it.each([
    ["no lookup", ""],
    ["only a tenant", "?tenantId=acme"],
    ["both parameters", "?phone_number=27825550101&whatsapp_id=27825550101"],
    ["a repeated parameter", "?phone_number=27825550101&phone_number=27825550102"],
    ["an empty number", "?phone_number="],
    ["letters", "?phone_number=call-me-maybe"],
    ["too few digits", "?whatsapp_id=1234567"],
    ["too many digits", "?whatsapp_id=1234567890123456"],
    ["an injected parameter", "?phone_number=27825550101%26tenantId%3Dother"],
  ])("answers 400 with no upstream call given %s", async (_name, query) => {
    const requests = upstream();
    const response = await handler()(get(query));
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error).toBe("Bad request");
    expect(typeof body.message).toBe("string");
    expect(requests).toHaveLength(0);
  });

  it.each([
    ["both parameters", "?phone_number=27825550101&whatsapp_id=27825550101", "Give exactly one phone_number or whatsapp_id query parameter."],
    ["a phone_number that is not one", "?phone_number=call-me-maybe", "phone_number must hold 8–15 digits, optionally after + or 00 (spaces, dashes, dots and parentheses are ignored)."],
    ["a whatsapp_id that is not one", "?whatsapp_id=1234567", "whatsapp_id must hold 8–15 digits, optionally after + or 00 (spaces, dashes, dots and parentheses are ignored)."],
  ])("tells the caller what is wrong given %s, naming the parameter it sent", async (_name, query, message) => {
    upstream();
    const response = await handler()(get(query));
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ error: "Bad request", message });
  });

  it("refuses an unauthorised caller before reading the lookup", async () => {
    const response = await handler({ authorize: () => false })(get("?phone_number=oops"));
    expect(response.status).toBe(401);
  });
});

describe("createContactRouteHandler given a valid lookup", () => {
  it("asks the API for its own tenant with the key, whatever tenant the browser sent", async () => {
    const requests = upstream();
    const response = await handler()(
      get("?tenantId=someone-else&phone_number=%2B27%20(82)%20555-0101&extra=1", {
        headers: { authorization: "Bearer browser-token", cookie: "session=abc" },
      }),
    );
    expect(response.status).toBe(200);
    expect(requests).toHaveLength(1);
    const sent = requests[0]!;
    const url = new URL(sent.url);
    expect(url.origin + url.pathname).toBe(`${API}/contact`);
    expect([...url.searchParams]).toEqual([
      ["tenantId", "acme"],
      ["phone_number", "27825550101"],
    ]);
    expect(sent.headers.get("authorization")).toBe(`Bearer ${KEY}`);
    // Nothing of the visitor's own credentials travels upstream.
    expect(sent.headers.get("cookie")).toBeNull();
  });

  it("answers 200 with the API's shape, keeping the parameter the browser used", async () => {
    const requests = upstream();
    const response = await handler()(get("?whatsapp_id=27825550101"));
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ success: true, contact: ada });
    expect(new URL(requests[0]!.url).searchParams.get("whatsapp_id")).toBe("27825550101");
  });

  it("passes the documented 404 through when there is no such contact", async () => {
    upstream();
    const response = await handler()(get("?phone_number=27820000000"));
    expect(response.status).toBe(404);
    expect(await json(response)).toEqual({
      error: "Contact not found",
      message: "No contact found with phone number 27820000000",
    });
  });

  it("uses the given baseUrl, fetch and headers for the upstream call", async () => {
    server.use(...createContactHandlers({ contacts: [ada], apiKey: KEY, baseUrl: "https://eu.flowiq.test/v1" }));
    const requests = recordRequests(server);
    const spy = vi.fn((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
    const response = await handler({ baseUrl: "https://eu.flowiq.test/v1/", fetch: spy, headers: { "X-Request-Source": "proxy" } })(
      get("?phone_number=27825550101"),
    );
    expect(response.status).toBe(200);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(requests[0]!.url).toMatch(/^https:\/\/eu\.flowiq\.test\/v1\/contact\?/);
    expect(requests[0]!.headers.get("x-request-source")).toBe("proxy");
  });

  it("reads a key given as a function on every request", async () => {
    let current = KEY;
    server.use(...createContactHandlers({ contacts: [ada], apiKey: "fiq_rotated_77aa" }));
    const route = handler({ apiKey: async () => current });
    expect((await route(get("?phone_number=27825550101"))).status).toBe(502);
    current = "fiq_rotated_77aa";
    expect((await route(get("?phone_number=27825550101"))).status).toBe(200);
  });

  it("leaves no listener on the request's signal once it has answered", async () => {
    upstream();
    const route = handler();
    for (const request of [get("?phone_number=27825550101"), get("?phone_number=27820000000"), get("?phone_number=nope")]) {
      await route(request);
      expect(getEventListeners(request.signal, "abort")).toEqual([]);
    }
  });

  it("makes no upstream call for a visitor who has already gone", async () => {
    const requests = upstream();
    const left = new AbortController();
    left.abort();
    const response = await handler()(get("?phone_number=27825550101", { signal: left.signal }));
    expect(response.status).not.toBe(200);
    expect(requests).toHaveLength(0);
  });

  it("keeps at most maxConcurrentRequests upstream calls in flight", async () => {
    const seen = watchInFlight(`${API}/contact`, 20, () => HttpResponse.json({ success: true, contact: ada }));
    const route = handler({ maxConcurrentRequests: 2 });
    // Six different contacts: identical lookups in flight would be one upstream call.
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => route(get(`?phone_number=2782555010${i}`))));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(seen.peak).toBe(2);
  });
});

describe("createContactRouteHandler given an upstream failure", () => {
  const scenarios = createContactScenarios();

  it.each([
    ["the key refused (401)", scenarios.unauthorized, 502, /credentials/, "unauthorized"],
    ["the key forbidden (403)", scenarios.forbidden, 502, /credentials/, "forbidden"],
    ["a server error (500)", scenarios.serverError, 502, /failed \(500\)/, undefined],
    ["a network error", scenarios.networkError, 502, /reach/, undefined],
    ["a malformed answer", scenarios.malformed, 502, /could not be read/, undefined],
    ["an HTML 404 from a wrong baseUrl", scenarios.misroutedProxy, 502, /could not be read; check the proxy's baseUrl/, undefined],
  ])("answers %s with %i and a message about the proxy, not the key", async (_name, handlers, status, message, code) => {
    server.use(...handlers);
    const response = await handler()(get("?phone_number=27825550101"));
    expect(response.status).toBe(status);
    const body = await json(response);
    expect(body.error).toBe("Bad gateway");
    expect(body.message).toMatch(message);
    // Only a refusal of the proxy's key carries a code (the browser then never retries it).
    expect(body.code).toBe(code);
    expect(JSON.stringify(body)).not.toMatch(/key/i);
  });

  it.each([
    ["a 300 (a redirect)", () => Promise.resolve(new Response(null, { status: 300 })), /redirect, which this proxy never follows/],
    [
      "an opaque redirect (status 0)",
      () => Promise.resolve(Object.defineProperties(new Response(null), { type: { value: "opaqueredirect" }, status: { value: 0 } })),
      /redirect, which this proxy never follows/,
    ],
    [
      "a fetch wrapper's own unreadable 400",
      () => Promise.reject(new FlowIQError("invalid_response", "The upstream's 400 was not JSON.", { status: 400 })),
      /could not be read/,
    ],
  ])("answers %s from the fetch with a 502 that says what to check", async (_name, fetch, message) => {
    const response = await handler({ fetch })(get("?phone_number=27825550101"));
    expect(response.status).toBe(502);
    expect(await json(response)).toMatchObject({ error: "Bad gateway", message: expect.stringMatching(message) });
  });

  it("answers an upstream 429 with 429 and keeps Retry-After", async () => {
    server.use(...scenarios.rateLimited);
    const response = await handler()(get("?phone_number=27825550101"));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("120");
  });

  it("turns an HTTP-date Retry-After into seconds", async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    answerUpstream(429, { error: "Too many requests" }, { "Retry-After": at });
    const response = await handler()(get("?phone_number=27825550101"));
    expect(response.status).toBe(429);
    const seconds = Number(response.headers.get("retry-after"));
    expect(seconds).toBeGreaterThanOrEqual(28);
    expect(seconds).toBeLessThanOrEqual(30);
  });

  it("sends no Retry-After when the API gave none", async () => {
    answerUpstream(429, { error: "Too many requests" });
    const response = await handler()(get("?phone_number=27825550101"));
    expect(response.status).toBe(429);
    expect(response.headers.has("retry-after")).toBe(false);
    expect(await json(response)).toEqual({ error: "Too many requests", message: "The FlowIQ API is rate limiting this server; try again later." });
  });

  it("answers 504 when the API does not answer within timeoutMs", async () => {
    server.use(
      http.get(`${API}/contact`, async () => {
        // Never answers: only the route's own timeout can end the request.
        await delay("infinite");
        return HttpResponse.json({ success: true, contact: ada });
      }),
    );
    const response = await handler({ timeoutMs: 50 })(get("?phone_number=27825550101"));
    expect(response.status).toBe(504);
  });

  it("answers an upstream 400 with 400, keeping the API's reason", async () => {
    answerUpstream(400, { error: "Bad request", message: "Unknown country code" });
    const response = await handler()(get("?phone_number=99925550101"));
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ error: "Bad request", message: "Unknown country code" });
  });

  it("answers 500 when the key function fails, without saying why", async () => {
    const requests = upstream();
    const response = await handler({
      apiKey: () => {
        throw new Error(`vault said ${KEY} expired`);
      },
    })(get("?phone_number=27825550101"));
    expect(response.status).toBe(500);
    expect(await json(response)).toEqual({ error: "Proxy misconfigured", message: "The contact proxy is not configured correctly." });
    expect(requests).toHaveLength(0);
  });

  it("reports every upstream failure to onError and keeps answering if onError throws", async () => {
    server.use(...scenarios.serverError);
    const onError = vi.fn(() => {
      throw new Error("logger down");
    });
    const response = await handler({ onError })(get("?phone_number=27825550101"));
    expect(response.status).toBe(502);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: "server", status: 500 }), expect.any(Request));
  });

  it("reports a lookup its deadline cut to onError once, as a timeout naming timeoutMs", async () => {
    server.use(
      http.get(`${API}/contact`, async () => {
        await delay("infinite");
        return HttpResponse.json({ success: true, contact: ada });
      }),
    );
    const onError = vi.fn();
    const response = await handler({ timeoutMs: 50, onError })(get("?phone_number=27825550101"));
    expect(response.status).toBe(504);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: "timeout", message: expect.stringContaining("within 50 ms") }), expect.any(Request));
  });

  it("hands onError a network error with its cause (for the app's logs) when the cause holds no key", async () => {
    const cause = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:443"), { code: "ECONNREFUSED" }) });
    const onError = vi.fn();
    const response = await handler({ fetch: () => Promise.reject(cause), onError })(get("?phone_number=27825550101"));
    expect(response.status).toBe(502);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: "network", cause });
  });

  it.each([
    ["a 429 with its wait", new FlowIQError("rate_limited", `Quota spent for ${KEY}`, { status: 429, retryAfterMs: 5000 }), 429],
    ["a 400 with its reason", new FlowIQError("invalid_lookup", `Lookup refused for ${KEY}`, { status: 400 }), 400],
  ])("keeps the key out of the answer and onError when a fetch wrapper's own error (%s) names it", async (_name, thrown, status) => {
    const onError = vi.fn();
    const response = await handler({ fetch: () => Promise.reject(thrown), onError })(get("?phone_number=27825550101"));
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain(KEY);
    expect(onError).toHaveBeenCalledTimes(1);
    const reported = onError.mock.calls[0]?.[0] as FlowIQError;
    // A copy: the same code, status and wait, the message without the key.
    expect(reported).toMatchObject({ code: thrown.code, status: thrown.status, retryAfterMs: thrown.retryAfterMs });
    expect(reported.message).not.toContain(KEY);
  });

  it("does not call onError for refusals of the visitor's own request", async () => {
    const onError = vi.fn();
    await handler({ onError, authorize: () => false })(get("?phone_number=27825550101"));
    await handler({ onError })(get("?phone_number=1"));
    expect(onError).not.toHaveBeenCalled();
  });
});

describe("createContactRouteHandler responses", () => {
  const scenarios = createContactScenarios();
  type Case = { name: string; setup: () => void; request: Request; options?: Partial<ContactRouteHandlerOptions> };
  const echoKey = () =>
    answerUpstream(401, { error: "Unauthorized", message: `Key ${KEY} is not valid for tenant acme` });
  const cases: Case[] = [
    { name: "200", setup: upstream, request: get("?phone_number=27825550101") },
    { name: "HEAD", setup: upstream, request: get("?phone_number=27825550101", { method: "HEAD" }) },
    { name: "404", setup: upstream, request: get("?phone_number=27820000000") },
    { name: "400", setup: upstream, request: get("?phone_number=nope") },
    { name: "400 echoing the key as the lookup", setup: upstream, request: get(`?phone_number=${KEY}`) },
    { name: "401", setup: upstream, request: get("?phone_number=27825550101"), options: { authorize: () => false } },
    { name: "405", setup: upstream, request: get("?phone_number=27825550101", { method: "POST", body: KEY }) },
    { name: "upstream 401 echoing the key", setup: echoKey, request: get("?phone_number=27825550101") },
    { name: "upstream 400 echoing the key", setup: () => answerUpstream(400, { message: `bad ${KEY}` }), request: get("?phone_number=27825550101") },
    { name: "upstream 403", setup: () => server.use(...scenarios.forbidden), request: get("?phone_number=27825550101") },
    { name: "upstream 429", setup: () => server.use(...scenarios.rateLimited), request: get("?phone_number=27825550101") },
    { name: "upstream 500", setup: () => server.use(...scenarios.serverError), request: get("?phone_number=27825550101") },
    { name: "upstream network error", setup: () => server.use(...scenarios.networkError), request: get("?phone_number=27825550101") },
    { name: "upstream malformed", setup: () => server.use(...scenarios.malformed), request: get("?phone_number=27825550101") },
    {
      name: "a contact whose data holds the key",
      setup: () => answerUpstream(200, { success: true, contact: { ...ada, contact_summary: `token ${KEY}` } }),
      request: get("?phone_number=27825550101"),
    },
    {
      name: "a key from a function, echoed upstream",
      setup: echoKey,
      request: get("?phone_number=27825550101"),
      options: { apiKey: async () => KEY },
    },
  ];

  it.each(cases)("carry Cache-Control: private, no-store and JSON, and never the key ($name)", async ({ setup, request, options }) => {
    setup();
    const response = await handler(options)(request);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    for (const [name, value] of response.headers) {
      expect(`${name}: ${value}`).not.toContain(KEY);
    }
    expect(await response.text()).not.toContain(KEY);
  });
});
