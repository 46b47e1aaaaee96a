// @vitest-environment node
// The batch route of createContactRouteHandler, as a Next.js catch-all route runs it.
import { delay, http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import type { ContactBatchResponse } from "../../src/core/contactBatchWire.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import {
  createContactRouteHandler,
  type ContactRouteHandlerOptions,
} from "../../src/server/createContactRouteHandler.js";
import { server } from "../server.js";
import { API, recordRequests, watchInFlight } from "../utils.js";

const KEY = "fiq_live_batch_7d3e9a1c";
const MOUNT = "http://127.0.0.1:3000/api/flowiq";
const ada = buildContact({ id: "c-ada", full_name: "Ada Lovelace", phone_number: "+27825550101", whatsapp_id: "27825550101" });
const grace = buildContact({ id: "c-grace", full_name: "Grace Hopper", phone_number: "+27825550102", whatsapp_id: "27825550102" });

function handler(overrides: Partial<ContactRouteHandlerOptions> = {}) {
  return createContactRouteHandler({ tenantId: "acme", apiKey: KEY, authorize: () => true, ...overrides });
}

function upstream() {
  server.use(...createContactHandlers({ contacts: [ada, grace], apiKey: KEY, tenantId: "acme" }));
  return recordRequests(server);
}

async function batch(response: Response): Promise<ContactBatchResponse> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  return (await response.json()) as ContactBatchResponse;
}

describe("createContactRouteHandler mounted once at app/api/flowiq/[...path]/route.ts", () => {
  it("answers a single lookup at {mount}/contact in the API's shape", async () => {
    upstream();
    const response = await handler()(new Request(`${MOUNT}/contact?phone_number=27825550101`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true, contact: ada });
  });

  it("answers a batch at {mount}/contacts, one result per lookup, in order", async () => {
    const requests = upstream();
    const response = await handler()(new Request(`${MOUNT}/contacts?whatsapp_id=27825550102&phone_number=27825550101&phone_number=27820000000`));
    expect(await batch(response)).toEqual({
      version: 1,
      results: [
        { lookup: { param: "whatsapp_id", digits: "27825550102" }, status: 200, contact: grace },
        { lookup: { param: "phone_number", digits: "27825550101" }, status: 200, contact: ada },
        {
          lookup: { param: "phone_number", digits: "27820000000" },
          status: 404,
          error: "Contact not found",
          message: "No contact found with phone number 27820000000",
        },
      ],
    });
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual(["/contact", "/contact", "/contact"]);
  });

  it("takes a trailing slash on the batch path", async () => {
    upstream();
    const { results } = await batch(await handler()(new Request(`${MOUNT}/contacts/?phone_number=27825550101`)));
    expect(results).toHaveLength(1);
  });

  it("still answers single lookups when mounted at app/api/flowiq/contact/route.ts (a last segment of contact)", async () => {
    upstream();
    const route = handler();
    for (const url of [`${MOUNT}/contact?phone_number=27825550101`, `http://127.0.0.1:3000/api/people/contact?phone_number=27825550101`]) {
      const response = await route(new Request(url));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ success: true, contact: ada });
    }
  });

  it("answers HEAD on the batch path like GET, without a body", async () => {
    upstream();
    const response = await handler()(new Request(`${MOUNT}/contacts?phone_number=27825550101`, { method: "HEAD" }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it.each(["POST", "PUT", "DELETE"])("answers %s on the batch path with 405 and no upstream call", async (method) => {
    const requests = upstream();
    const authorize = vi.fn(() => true);
    const response = await handler({ authorize })(
      new Request(`${MOUNT}/contacts?phone_number=27825550101`, { method, body: method === "DELETE" ? null : "[]" }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toMatch(/\bGET\b/);
    expect(authorize).not.toHaveBeenCalled();
    expect(requests).toHaveLength(0);
  });
});

describe("createContactRouteHandler given a batch", () => {
  it("asks authorize once for the whole batch", async () => {
    upstream();
    const authorize = vi.fn(() => true);
    const query = Array.from({ length: 10 }, (_, n) => `phone_number=278255501${String(n).padStart(2, "0")}`).join("&");
    await batch(await handler({ authorize })(new Request(`${MOUNT}/contacts?${query}`)));
    expect(authorize).toHaveBeenCalledTimes(1);
  });

  it("answers 400 with no upstream call when it holds no lookup", async () => {
    const requests = upstream();
    const response = await handler()(new Request(`${MOUNT}/contacts?tenantId=acme`));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "Bad request", message: expect.stringContaining("at least one") });
    expect(requests).toHaveLength(0);
  });

  it("takes up to maxBatchSize distinct lookups and refuses one more", async () => {
    upstream();
    const route = handler({ maxBatchSize: 3 });
    const query = (count: number) => Array.from({ length: count }, (_, n) => `phone_number=2782555010${n}`).join("&");
    expect((await route(new Request(`${MOUNT}/contacts?${query(3)}`))).status).toBe(200);
    const refused = await route(new Request(`${MOUNT}/contacts?${query(4)}`));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ message: expect.stringContaining("at most 3") });
  });

  it.each([
    ["zero", 0],
    ["a fraction", 2.5],
    ["a negative number", -1],
    ["text", "50"],
  ])("refuses to exist with %s as maxBatchSize", (_name, maxBatchSize) => {
    expect(() => handler({ maxBatchSize: maxBatchSize as number })).toThrow(
      expect.objectContaining({ code: "config", message: expect.stringContaining("maxBatchSize") }),
    );
  });

  it("keeps at most maxConcurrentRequests upstream calls in flight across the batch", async () => {
    const seen = watchInFlight(`${API}/contact`, 10, () => HttpResponse.json({ success: true, contact: ada }));
    const query = Array.from({ length: 12 }, (_, n) => `phone_number=278255502${String(n).padStart(2, "0")}`).join("&");
    const { results } = await batch(await handler({ maxConcurrentRequests: 3 })(new Request(`${MOUNT}/contacts?${query}`)));
    expect(results.map((result) => result.status)).toEqual(Array(12).fill(200));
    expect(seen.calls).toBe(12);
    expect(seen.peak).toBe(3);
  });

  it("answers within timeoutMs: contacts still waiting upstream then get their own 504, the others their answer", async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/contact`, async ({ request }) => {
        calls++;
        const digits = new URL(request.url).searchParams.get("phone_number");
        // The first contact answers at once; every other one hangs until the deadline.
        if (digits === "27825550101") return HttpResponse.json({ success: true, contact: ada });
        await delay("infinite");
        return HttpResponse.json({ success: true, contact: grace });
      }),
    );
    const onError = vi.fn();
    const route = handler({ maxConcurrentRequests: 1, timeoutMs: 200, onError });
    const { results } = await batch(
      await route(new Request(`${MOUNT}/contacts?phone_number=27825550101&phone_number=27825550102&phone_number=27825550103`)),
    );
    expect(results.map((result) => result.status)).toEqual([200, 504, 504]);
    expect(results[1]).toMatchObject({ error: "Gateway timeout" });
    // The third never got a slot before the deadline: no upstream call was made for it.
    expect(calls).toBe(2);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: "timeout" }), expect.any(Request));
  });

  it("reports each upstream failure to onError, never an invalid lookup of the visitor's", async () => {
    server.use(
      http.get(`${API}/contact`, ({ request }) =>
        new URL(request.url).searchParams.get("phone_number") === "27825550101"
          ? HttpResponse.json({ error: "Internal" }, { status: 500 })
          : HttpResponse.json({ success: true, contact: grace }),
      ),
    );
    const onError = vi.fn();
    await handler({ onError })(new Request(`${MOUNT}/contacts?phone_number=27825550101&phone_number=27825550102&phone_number=nope`));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: "server", status: 500 }), expect.any(Request));
  });

  it("cancels its upstream calls when the visitor goes away", async () => {
    const seen: AbortSignal[] = [];
    server.use(
      http.get(`${API}/contact`, async ({ request }) => {
        seen.push(request.signal);
        await delay("infinite");
        return HttpResponse.json({ success: true, contact: ada });
      }),
    );
    const visitor = new AbortController();
    const pending = handler()(new Request(`${MOUNT}/contacts?phone_number=27825550101&phone_number=27825550102`, { signal: visitor.signal }));
    await expect.poll(() => seen.length).toBe(2);
    visitor.abort();
    await pending;
    expect(seen.every((signal) => signal.aborted)).toBe(true);
  });
});
