import { getEventListeners } from "node:events";
import { delay, http, HttpResponse, type JsonBodyType } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFlowIQClient } from "../../src/core/FlowIQClient.js";
import { FlowIQError, isRetryableCode, RETRYABLE_CODES } from "../../src/core/FlowIQError.js";
import { getContact } from "../../src/core/getContact.js";
import type { FlowIQConfig } from "../../src/core/types.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { server } from "../server.js";
import { API, failure, recordRequests, TEST_KEY } from "../utils.js";
import { drainMicrotasks } from "./batchSupport.js";

const config: FlowIQConfig = { tenantId: "acme", apiKey: TEST_KEY };
const phone = { phoneNumber: "+27 12 345 6789" };

function answer(status: number, body: JsonBodyType, headers: Record<string, string> = {}) {
  server.use(
    http.get(`${API}/contact`, () =>
      typeof body === "string"
        ? new HttpResponse(body, { status, headers: { "Content-Type": "text/html", ...headers } })
        : HttpResponse.json(body, { status, headers }),
    ),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("getContact request", () => {
  it("sends the tenant, the digits in the parameter the caller used, the bearer key and JSON accept", async () => {
    server.use(...createContactHandlers({ apiKey: TEST_KEY }));
    const requests = recordRequests(server);
    const contact = await getContact(config, phone);
    expect(contact?.full_name).toBe("John Doe");
    const url = new URL(requests[0]!.url);
    expect(url.origin + url.pathname).toBe(`${API}/contact`);
    expect([...url.searchParams]).toEqual([
      ["tenantId", "acme"],
      ["phone_number", "27123456789"],
    ]);
    expect(requests[0]!.headers.get("authorization")).toBe(`Bearer ${TEST_KEY}`);
    expect(requests[0]!.headers.get("accept")).toBe("application/json");
  });

  it("uses whatsapp_id when the caller looked up by WhatsApp id", async () => {
    server.use(...createContactHandlers());
    const requests = recordRequests(server);
    await getContact(config, { whatsappId: "27123456789" });
    expect(new URL(requests[0]!.url).searchParams.get("whatsapp_id")).toBe("27123456789");
    expect(new URL(requests[0]!.url).searchParams.has("phone_number")).toBe(false);
  });

  it("encodes a tenant so it can never add or override a parameter", async () => {
    server.use(...createContactHandlers());
    const requests = recordRequests(server);
    await getContact({ ...config, tenantId: "acme&phone_number=1&tenantId=evil#x" }, phone);
    const params = new URL(requests[0]!.url).searchParams;
    expect(params.getAll("tenantId")).toEqual(["acme&phone_number=1&tenantId=evil#x"]);
    expect(params.getAll("phone_number")).toEqual(["27123456789"]);
  });

  it("gets the key from an async function, once per request", async () => {
    server.use(...createContactHandlers({ apiKey: "from-getter-123" }));
    const apiKey = vi.fn(async () => "from-getter-123");
    await expect(getContact({ tenantId: "acme", apiKey }, phone)).resolves.not.toBeNull();
    expect(apiKey).toHaveBeenCalledTimes(1);
  });

  it("sends extra headers, but Authorization always comes from apiKey", async () => {
    server.use(...createContactHandlers());
    const requests = recordRequests(server);
    await getContact({ ...config, headers: { "X-Trace": "t-1", Authorization: "Bearer other" } }, phone);
    expect(requests[0]!.headers.get("x-trace")).toBe("t-1");
    expect(requests[0]!.headers.get("authorization")).toBe(`Bearer ${TEST_KEY}`);
  });

  it("sends no Authorization header without a key (a proxy adds it)", async () => {
    server.use(...createContactHandlers({ baseUrl: "http://localhost:3000/api/flowiq" }));
    const requests = recordRequests(server);
    await getContact({ tenantId: "acme", baseUrl: "/api/flowiq/" }, phone);
    expect(requests[0]!.url).toBe("http://localhost:3000/api/flowiq/contact?tenantId=acme&phone_number=27123456789");
    expect(requests[0]!.headers.has("authorization")).toBe(false);
  });

  it("resolves fetch at call time, so a wrapper installed after import applies", async () => {
    server.use(...createContactHandlers());
    const original = globalThis.fetch;
    const wrapper = vi.fn((input: RequestInfo | URL, init?: RequestInit) => original(input, init));
    vi.stubGlobal("fetch", wrapper);
    await getContact(config, phone);
    expect(wrapper).toHaveBeenCalledTimes(1);
  });

  it("uses the fetch given in the config", async () => {
    const fetch = vi.fn(async () => Response.json({ success: true, contact: buildContact({ full_name: "Custom" }) }));
    await expect(getContact({ ...config, fetch }, phone)).resolves.toMatchObject({ full_name: "Custom" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("getContact configuration errors", () => {
  it.each([undefined, "", "   "])("rejects tenantId %j as a config error without a request", async (tenantId) => {
    const fetch = vi.fn();
    const error = await failure(getContact({ tenantId: tenantId as string, fetch }, phone));
    expect(error.code).toBe("config");
    expect(error.message).toMatch(/tenantId/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("rejects an invalid lookup before any request", async () => {
    const fetch = vi.fn();
    const error = await failure(getContact({ ...config, fetch }, { phoneNumber: "call me" }));
    expect(error.code).toBe("invalid_lookup");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("explains a relative baseUrl where there is no page (a server)", async () => {
    vi.stubGlobal("location", undefined);
    const fetch = vi.fn();
    const error = await failure(getContact({ ...config, baseUrl: "/api/flowiq", fetch }, phone));
    expect(error.code).toBe("config");
    expect(error.message).toMatch(/absolute URL/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("turns a failing apiKey function into a config error", async () => {
    const fetch = vi.fn();
    const error = await failure(
      getContact({ ...config, fetch, apiKey: () => Promise.reject(new Error("vault down")) }, phone),
    );
    expect(error.code).toBe("config");
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("getContact answers", () => {
  it("resolves to null for the API's documented 404", async () => {
    server.use(...createContactHandlers({ contacts: [] }));
    await expect(getContact(config, phone)).resolves.toBeNull();
  });

  it("treats a 404 that is not the API's JSON as invalid_response telling to check baseUrl", async () => {
    answer(404, "<!doctype html><h1>Not Found</h1>");
    const error = await failure(getContact(config, phone));
    expect(error).toMatchObject({ code: "invalid_response", status: 404 });
    expect(error.message).toMatch(/baseUrl/);
  });

  it.each([
    [401, "unauthorized"],
    [403, "forbidden"],
    [408, "timeout"],
    [429, "rate_limited"],
    [500, "server"],
    [502, "server"],
    [503, "server"],
    [400, "invalid_lookup"],
    [422, "invalid_lookup"],
    [405, "invalid_response"],
    [410, "invalid_response"],
  ] as const)("maps status %i to %s and keeps the API's message", async (status, code) => {
    answer(status, { error: "Nope", message: `api says ${status}` });
    const error = await failure(getContact(config, phone));
    expect(error).toMatchObject({ code, status, message: `api says ${status}` });
  });

  it("gives its own message when the API sends none", async () => {
    answer(401, "");
    const error = await failure(getContact(config, phone));
    expect(error.code).toBe("unauthorized");
    expect(error.message).toMatch(/key was refused/);
  });

  it("reads Retry-After on a 429", async () => {
    answer(429, { error: "Too many" }, { "Retry-After": "7" });
    expect(await failure(getContact(config, phone))).toMatchObject({ code: "rate_limited", retryAfterMs: 7000 });
  });

  it.each([
    ["a body that is not JSON", "<html>oops</html>"],
    ["success: false", { success: false, error: "bad" }],
    ["no contact", { success: true }],
    ["a contact that is an array", { success: true, contact: [] }],
    ["a contact with no id", { success: true, contact: { full_name: "x" } }],
    ["a contact with an empty id", { success: true, contact: { id: " " } }],
  ])("rejects %s as invalid_response", async (_name, body) => {
    answer(200, body);
    expect(await failure(getContact(config, phone))).toMatchObject({ code: "invalid_response", status: 200 });
  });

  it("reads optional fields leniently", async () => {
    answer(200, { success: true, contact: { id: "c1", tags: ["a", 7, null, " "], blocked: "yes", source: { type: "api" } } });
    await expect(getContact(config, phone)).resolves.toEqual({
      id: "c1",
      full_name: null,
      whatsapp_id: null,
      phone_number: null,
      email: null,
      tags: ["a", "7"],
      organization_id: null,
      bot_status: null,
      allow_broadcast: false,
      archived: false,
      blocked: false,
      active_status: false,
      has_unread_messages: false,
      source: { type: "api", location: null, created_at: null },
      contact_summary: null,
      contact_summary_updated_at: null,
      created_at: null,
      updated_at: null,
    });
  });
});

describe("getContact faults", () => {
  it("fails with timeout when the API does not answer in timeoutMs", async () => {
    server.use(http.get(`${API}/contact`, async () => {
      await delay(2_000);
      return HttpResponse.json({});
    }));
    const error = await failure(getContact({ ...config, timeoutMs: 50 }, phone));
    expect(error.code).toBe("timeout");
  });

  it("fails with network when the connection fails", async () => {
    server.use(http.get(`${API}/contact`, () => HttpResponse.error()));
    expect((await failure(getContact(config, phone))).code).toBe("network");
  });

  it("passes the caller's abort through as an AbortError, not a FlowIQError", async () => {
    server.use(http.get(`${API}/contact`, async () => {
      await delay(2_000);
      return HttpResponse.json({});
    }));
    const controller = new AbortController();
    const pending = getContact(config, phone, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("getContact and the API key", () => {
  it("never puts the key in an error, even when the API echoes it", async () => {
    answer(401, { error: "Unauthorized", message: `Key ${TEST_KEY} is revoked` });
    const error = await failure(getContact(config, phone));
    expect(error.message).toBe("Key [redacted] is revoked");
    expect(`${error.stack} ${JSON.stringify(error)} ${String(error)}`).not.toContain(TEST_KEY);
  });
});

describe("getContact and who refused", () => {
  it.each([
    ["the proxy refused the visitor's session", 401, "session_refused", { error: "Unauthorized", code: "session_refused", message: "Sign in again." }],
    ["the API refused the proxy's key (a 502 from the proxy)", 502, "unauthorized", { error: "Bad gateway", code: "unauthorized", message: "Key refused." }],
    ["the API would not let the proxy's key read this tenant", 502, "forbidden", { error: "Bad gateway", code: "forbidden", message: "Not this tenant." }],
    ["a 401 that names no code (the API itself)", 401, "unauthorized", { error: "Unauthorized", message: "Invalid API key" }],
    ["a code that names no refusal", 500, "server", { error: "Internal", code: "rate_limited", message: "Oops" }],
  ])("%s: %i reads as %s, retried only if it may pass", async (_, status, code, body) => {
    answer(status, body);
    const error = await failure(getContact(config, phone));
    expect(error).toMatchObject({ code, status });
    expect(error.retryable).toBe(code === "server");
  });

  it("reads the same code in a batch result", async () => {
    server.use(
      http.get(`${API}/contacts`, () =>
        HttpResponse.json({
          version: 1,
          results: [{ lookup: { param: "phone_number", digits: "27123456789" }, status: 401, error: "Unauthorized", code: "session_refused", message: "Sign in again." }],
        }),
      ),
    );
    const client = createFlowIQClient({ tenantId: "acme", baseUrl: API, batch: { windowMs: 0 } });
    expect(await failure(client.fetchContact(phone))).toMatchObject({ code: "session_refused", status: 401 });
  });
});

describe("RETRYABLE_CODES", () => {
  it("lists the four codes that may pass by themselves, which isRetryableCode and FlowIQError#retryable follow", () => {
    expect([...RETRYABLE_CODES].sort()).toEqual(["network", "rate_limited", "server", "timeout"]);
    expect(isRetryableCode("session_refused")).toBe(false);
    expect(isRetryableCode("timeout")).toBe(true);
    expect(new FlowIQError("network", "x").retryable).toBe(true);
    expect(new FlowIQError("unauthorized", "x").retryable).toBe(false);
  });
});

describe("getContact's configuration messages", () => {
  it.each([null, undefined])("rejects a client or config of %s as a config error", async (client) => {
    const error = await failure(getContact(client as unknown as FlowIQConfig, phone));
    expect(error.code).toBe("config");
    expect(error.message).toMatch(/tenantId/);
  });

  it("says which baseUrl is not a valid URL when there is a page", async () => {
    const fetch = vi.fn();
    const error = await failure(getContact({ ...config, baseUrl: "http://[bad", fetch }, phone));
    expect(error.code).toBe("config");
    expect(error.message).toBe('baseUrl "http://[bad/contact" is not a valid URL; no request was made.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it("treats a location of null as no page", async () => {
    vi.stubGlobal("location", null);
    const error = await failure(getContact({ ...config, baseUrl: "/api/flowiq", fetch: vi.fn() }, phone));
    expect(error.code).toBe("config");
    expect(error.message).toMatch(/absolute URL/);
  });

  it("says the apiKey function failed, and keeps its error as the cause", async () => {
    const vault = new Error("vault down");
    const error = await failure(getContact({ ...config, fetch: vi.fn(), apiKey: () => Promise.reject(vault) }, phone));
    expect(error.message).toBe("The apiKey function failed; no request was made.");
    expect(error.cause).toBe(vault);
  });

  it.each([
    ["an empty key", ""],
    ["a blank key", "   "],
    ["a function returning a blank key", () => "  "],
  ])("rejects %s without a request", async (_name, apiKey) => {
    const fetch = vi.fn();
    const error = await failure(getContact({ ...config, fetch, apiKey }, phone));
    expect(error).toMatchObject({
      code: "config",
      message: "apiKey must be a non-empty string, or a function returning one; no request was made.",
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("getContact's messages for an error body that says little", () => {
  it.each([
    ["a refused session with no message", 401, { code: "session_refused" }, "session_refused", "Your session was refused (401)."],
    ["a refused key with no message", 502, { code: "unauthorized" }, "unauthorized", "The API key was refused (502)."],
    ["a forbidden key with no message", 502, { code: "forbidden" }, "forbidden", "The API key was refused (502)."],
    ["an odd status", 418, {}, "invalid_response", "Unexpected status from the API (418)."],
    ["a blank message beside an error", 500, { message: "   ", error: "Boom" }, "server", "Boom"],
    ["a message that is not text", 500, { message: 42, error: " " }, "server", "The API failed (500)."],
  ])("%s", async (_name, status, body, code, message) => {
    answer(status, body);
    expect(await failure(getContact(config, phone))).toMatchObject({ code, status, message });
  });

  it("reads Retry-After only on a 429", async () => {
    answer(503, { error: "Unavailable" }, { "Retry-After": "7" });
    const error = await failure(getContact(config, phone));
    expect(error).toMatchObject({ code: "server", status: 503 });
    expect(error.retryAfterMs).toBeUndefined();
  });
});

describe("getContact's network errors", () => {
  it.each([
    ["a TypeError", new TypeError("Failed to fetch")],
    ["an error that carries a status of its own", Object.assign(new Error("socket hang up"), { status: 503 })],
    ["a FlowIQError with no status", new FlowIQError("config", "the wrapper refused")],
  ])("turns %s thrown by fetch into a network error that keeps it as the cause", async (_name, thrown) => {
    const error = await failure(getContact({ ...config, fetch: () => Promise.reject(thrown) }, phone));
    expect(error).toMatchObject({ code: "network", message: "Could not reach the FlowIQ API (network error)." });
    expect(error.cause).toBe(thrown);
  });
});

describe("getContact and the caller's signal", () => {
  it("does not let a caller who gave up while the key was being fetched have the contact", async () => {
    let release!: (key: string) => void;
    const apiKey = vi.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
      Response.json({ success: true, contact: buildContact() }),
    );
    const controller = new AbortController();
    const pending = getContact({ tenantId: "acme", apiKey, fetch }, phone, { signal: controller.signal });
    await vi.waitFor(() => expect(apiKey).toHaveBeenCalled());
    controller.abort(new DOMException("card unmounted", "AbortError"));
    release(TEST_KEY);
    await expect(pending).rejects.toMatchObject({ name: "AbortError", message: "card unmounted" });
    for (const [, init] of fetch.mock.calls) expect(init?.signal?.aborted).toBe(true);
  });

  it("rejects with the caller's own reason when the answer also fails at the moment the caller leaves", async () => {
    const controller = new AbortController();
    const reason = new DOMException("card unmounted", "AbortError");
    /** An answer whose reading both sees the caller leave and fails (a wrapper's broken Response, say). */
    class Broken extends Response {
      override get type(): ResponseType {
        controller.abort(reason);
        throw new TypeError("broken response");
      }
    }
    const fetch = vi.fn(async () => new Broken("{}"));
    await expect(getContact({ ...config, fetch }, phone, { signal: controller.signal })).rejects.toBe(reason);
  });

  it("leaves no abort listener on the caller's signal and no timer once it has answered", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const fetch = vi.fn(async () => Response.json({ success: true, contact: buildContact() }));
    const controller = new AbortController();
    await expect(getContact({ ...config, fetch }, phone, { signal: controller.signal })).resolves.not.toBeNull();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("drops, without an error of its own, an answer with no body that comes after the timeout", async () => {
    let late!: (response: Response) => void;
    // A fetch that ignores its signal.
    const fetch = vi.fn(() => new Promise<Response>((resolve) => (late = resolve)));
    expect((await failure(getContact({ ...config, fetch, timeoutMs: 20 }, phone))).code).toBe("timeout");
    late(new Response(null, { status: 204 }));
    await drainMicrotasks();
  });
});
