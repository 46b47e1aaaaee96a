// @vitest-environment node
// Hostile batches: what a visitor (or a script on a compromised page) can send to the batch
// route, and what a broken or hostile proxy can answer to the batch client.
import { delay, http, HttpResponse, type HttpResponseResolver } from "msw";
import { describe, expect, it } from "vitest";
import type { ContactBatchResponse } from "../../src/core/contactBatchWire.js";
import { isFlowIQError } from "../../src/core/FlowIQError.js";
import { createFlowIQClient } from "../../src/core/FlowIQClient.js";
import type { FlowIQConfig, NormalizedLookup } from "../../src/core/types.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { createContactRouteHandler, type ContactRouteHandlerOptions } from "../../src/server/createContactRouteHandler.js";
import { server } from "../server.js";
import { API, recordRequests } from "../utils.js";

const KEY = "fiq_live_Hb7x2Qm9Lr4Tz8Wk";
const MOUNT = "http://127.0.0.1:3000/api/flowiq";
const number = (n: number) => String(27825550000 + n);
const contactFor = (digits: string) => buildContact({ id: `c-${digits}`, full_name: `Contact ${digits}`, phone_number: `+${digits}`, whatsapp_id: digits });

/** The upstream API: every number is a contact unless `answer` says otherwise; each call is logged. */
function upstream(answer?: (digits: string) => ReturnType<HttpResponseResolver> | undefined) {
  server.use(
    http.get(`${API}/contact`, async ({ request }) => {
      const params = new URL(request.url).searchParams;
      const digits = params.get("phone_number") ?? params.get("whatsapp_id") ?? "";
      return (await answer?.(digits)) ?? HttpResponse.json({ success: true, contact: contactFor(digits) });
    }),
  );
  return recordRequests(server);
}

function route(overrides: Partial<ContactRouteHandlerOptions> = {}) {
  return createContactRouteHandler({ tenantId: "acme", apiKey: KEY, authorize: () => true, ...overrides });
}

const query = (pairs: Array<[string, string]>) => pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("&");
const phones = (values: string[]) => query(values.map((value) => ["phone_number", value]));

type Refused = { name: string; search: string; options?: Partial<ContactRouteHandlerOptions>; status: number };

const refusedWhole: Refused[] = [
  { name: "51 distinct lookups", search: phones(Array.from({ length: 51 }, (_, n) => number(n))), status: 400 },
  { name: "1,000 distinct lookups", search: phones(Array.from({ length: 1000 }, (_, n) => number(n))), status: 400 },
  { name: "51 distinct invalid lookups", search: phones(Array.from({ length: 51 }, (_, n) => `bad-${n}`)), status: 400 },
  { name: "26 phone numbers and 25 WhatsApp ids, all distinct", search: query(Array.from({ length: 51 }, (_, n) => [n % 2 ? "whatsapp_id" : "phone_number", number(n)])), status: 400 },
  { name: "4 lookups over a maxBatchSize of 3", search: phones([number(1), number(2), number(3), number(4)]), options: { maxBatchSize: 3 }, status: 400 },
  { name: "no lookup at all", search: "tenantId=acme", status: 400 },
  { name: "only look-alike parameter names", search: query([["Phone_Number", number(1)], ["phone_number[]", number(2)], ["phone", number(3)], ["whatsappId", number(4)]]), status: 400 },
  { name: "a refusing authorize (false)", search: phones([number(1)]), options: { authorize: () => false }, status: 401 },
  { name: "a refusing authorize (throws)", search: phones([number(1)]), options: { authorize: () => { throw new Error("no session"); } }, status: 401 },
  { name: "a refusing authorize (rejects)", search: phones([number(1)]), options: { authorize: () => Promise.reject(new Error("expired")) }, status: 401 },
  { name: "a refusing authorize (truthy, not true)", search: phones([number(1)]), options: { authorize: () => "yes" as unknown as boolean }, status: 401 },
  { name: "a refusing authorize (forgotten return)", search: phones([number(1)]), options: { authorize: () => undefined as unknown as boolean }, status: 401 },
];

describe("createContactRouteHandler given a hostile batch", () => {
  it.each(refusedWhole)("refuses $name with $status and makes no upstream call", async ({ search, options, status }) => {
    const requests = upstream();
    const response = await route(options)(new Request(`${MOUNT}/contacts?${search}`));
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    // A refused session says so, for the browser to tell it from a refused key.
    if (status === 401) expect(body.code).toBe("session_refused");
    expect(requests).toHaveLength(0);
  });

  it("takes 50 distinct lookups repeated to 1,000 parameters, asking the API once per contact", async () => {
    const requests = upstream();
    const values = Array.from({ length: 1000 }, (_, n) => number(n % 50));
    const response = await route()(new Request(`${MOUNT}/contacts?${phones(values)}`));
    const { results } = (await response.json()) as ContactBatchResponse;
    expect(results).toHaveLength(50);
    expect(requests).toHaveLength(50);
  });

  it("asks once for one number written 200 times in every form, and answers it once", async () => {
    const requests = upstream();
    const digits = number(7);
    const forms: Array<[string, string]> = [
      ["phone_number", digits],
      ["phone_number", `+${digits}`],
      ["whatsapp_id", `00${digits}`],
      ["phone_number", `+27 82 555 000 7`.replace("000 7", "0007")],
    ];
    const response = await route()(new Request(`${MOUNT}/contacts?${query(Array.from({ length: 200 }, (_, n) => forms[n % 4]!))}`));
    const { results } = (await response.json()) as ContactBatchResponse;
    expect(results).toEqual([{ lookup: { param: "phone_number", digits }, status: 200, contact: contactFor(digits) }]);
    expect(requests).toHaveLength(1);
  });

  it("answers a batch of only invalid lookups with each one's invalid_lookup (400) and no upstream call", async () => {
    const requests = upstream();
    const values = [
      "call me",
      "1234567",
      "1234567890123456",
      "",
      "27825550001&tenantId=evil",
      "27825550001\r\nAuthorization: Bearer evil",
      "../../admin",
      "٢٧٨٢٥٥٥٠٠٠١",
      "<script>alert(1)</script>",
      "9".repeat(100_000),
    ];
    const response = await route()(new Request(`${MOUNT}/contacts?${phones(values)}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await response.text();
    // A huge lookup is never echoed back whole.
    expect(text.length).toBeLessThan(10_000);
    const { results } = JSON.parse(text) as ContactBatchResponse;
    expect(results).toHaveLength(values.length);
    for (const result of results) {
      expect(result).toMatchObject({ status: 400, error: "Bad request", message: expect.stringContaining("8–15 digits") });
      // What was sent is never echoed (an echo would answer the key differently from a guess).
      expect(result.lookup).toEqual({ param: "phone_number" });
    }
    expect(requests).toHaveLength(0);
  });

  it("answers a lookup smuggling a parameter in its value as invalid, not as a second parameter", async () => {
    const requests = upstream();
    const response = await route()(new Request(`${MOUNT}/contacts?phone_number=27825550001%26tenantId%3Devil&phone_number=${number(2)}`));
    const { results } = (await response.json()) as ContactBatchResponse;
    expect(results.map((result) => result.status)).toEqual([400, 200]);
    expect(requests).toHaveLength(1);
    expect([...new URL(requests[0]!.url).searchParams]).toEqual([
      ["tenantId", "acme"],
      ["phone_number", number(2)],
    ]);
  });

  it("pins the tenant: a tenantId smuggled into the batch (even repeated) never reaches the API", async () => {
    const requests = upstream();
    const search = query([
      ["tenantId", "evil"],
      ["phone_number", number(1)],
      ["tenantId", "other"],
      ["whatsapp_id", number(2)],
      ["tenant_id", "evil"],
    ]);
    await route()(new Request(`${MOUNT}/contacts?${search}`, { headers: { cookie: "session=visitor", authorization: "Bearer visitor" } }));
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      const params = [...new URL(request.url).searchParams];
      expect(params.filter(([name]) => name.toLowerCase().includes("tenant"))).toEqual([["tenantId", "acme"]]);
      expect(params).toHaveLength(2);
      expect(request.headers.get("authorization")).toBe(`Bearer ${KEY}`);
      expect(request.headers.get("cookie")).toBeNull();
    }
  });

  it("answers a mix of found, not found, 500, 429 and a timeout upstream, each on its own", async () => {
    upstream((digits) => {
      switch (digits) {
        case number(2):
          return HttpResponse.json({ error: "Contact not found", message: `No contact found with phone number ${digits}` }, { status: 404 });
        case number(3):
          return HttpResponse.json({ error: "Internal", message: "db down" }, { status: 500 });
        case number(4):
          return HttpResponse.json({ error: "Too many requests" }, { status: 429, headers: { "Retry-After": "30" } });
        case number(5):
          return delay("infinite").then(() => HttpResponse.json({}));
        default:
          return undefined;
      }
    });
    const response = await route({ timeoutMs: 150 })(new Request(`${MOUNT}/contacts?${phones([1, 2, 3, 4, 5].map(number))}`));
    const { results } = (await response.json()) as ContactBatchResponse;
    expect(results).toEqual([
      { lookup: { param: "phone_number", digits: number(1) }, status: 200, contact: contactFor(number(1)) },
      { lookup: { param: "phone_number", digits: number(2) }, status: 404, error: "Contact not found", message: `No contact found with phone number ${number(2)}` },
      { lookup: { param: "phone_number", digits: number(3) }, status: 502, error: "Bad gateway", message: "The FlowIQ API failed (500)." },
      {
        lookup: { param: "phone_number", digits: number(4) },
        status: 429,
        error: "Too many requests",
        message: "The FlowIQ API is rate limiting this server; try again later.",
        retryAfterMs: 30_000,
      },
      { lookup: { param: "phone_number", digits: number(5) }, status: 504, error: "Gateway timeout", message: "The FlowIQ API did not answer in time." },
    ]);
  });

  it("turns an upstream 401 for one contact into that contact's 502 about the server's configuration", async () => {
    upstream((digits) => (digits === number(1) ? HttpResponse.json({ error: "Unauthorized", message: "bad key" }, { status: 401 }) : undefined));
    const response = await route()(new Request(`${MOUNT}/contacts?${phones([number(1), number(2)])}`));
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as ContactBatchResponse;
    expect(results[0]).toMatchObject({ status: 502, code: "unauthorized", message: expect.stringContaining("server's configuration") });
    expect(results[1]).toMatchObject({ status: 200 });
  });

  type KeyRow = { name: string; search: string; answer?: (digits: string) => ReturnType<HttpResponseResolver> | undefined; options?: Partial<ContactRouteHandlerOptions> };
  const echo = `Key ${KEY} is not valid for tenant acme`;
  const keyRows: KeyRow[] = [
    { name: "the key as a lookup", search: phones([KEY, number(1)]) },
    { name: "the key as a tenantId", search: query([["tenantId", KEY], ["phone_number", number(1)]]) },
    { name: "an upstream 401 echoing the key", search: phones([number(1)]), answer: () => HttpResponse.json({ error: "Unauthorized", message: echo }, { status: 401 }) },
    { name: "an upstream 400 echoing the key", search: phones([number(1)]), answer: () => HttpResponse.json({ message: echo }, { status: 400 }) },
    { name: "an upstream 404 echoing the key", search: phones([number(1)]), answer: () => HttpResponse.json({ error: echo, message: echo }, { status: 404 }) },
    { name: "a contact whose data holds the key", search: phones([number(1)]), answer: (digits) => HttpResponse.json({ success: true, contact: { ...contactFor(digits), contact_summary: `token ${KEY}`, tags: [KEY] } }) },
    { name: "a key from a function, echoed upstream", search: phones([number(1), number(2)]), answer: () => HttpResponse.json({ message: echo }, { status: 400 }), options: { apiKey: async () => KEY } },
    { name: "a refused batch", search: phones([KEY]), options: { authorize: () => false } },
    { name: "a batch too large", search: phones([KEY, ...Array.from({ length: 60 }, (_, n) => number(n))]) },
  ];

  it.each(keyRows)("never puts the key in any body or header ($name)", async ({ search, answer, options }) => {
    upstream(answer);
    for (const method of ["GET", "HEAD"]) {
      const response = await route(options)(new Request(`${MOUNT}/contacts?${search}`, { method }));
      for (const [name, value] of response.headers) expect(`${name}: ${value}`).not.toContain(KEY);
      expect(await response.text()).not.toContain(KEY);
    }
  });
});

/** A batcher whose proxy answers every batch with `body` (status 200 unless given). */
function hostileProxy(body: unknown, status = 200, config: Partial<FlowIQConfig> = {}) {
  const fetch: typeof globalThis.fetch = async () =>
    new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  const client = createFlowIQClient({ tenantId: "acme", baseUrl: MOUNT, fetch, ...config, batch: { windowMs: 0 } });
  return { load: ({ param, digits }: NormalizedLookup) => client.fetchContact(param === "phone_number" ? { phoneNumber: digits } : { whatsappId: digits }) };
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => (value === null ? "null" : `contact ${(value as { id: string }).id}`),
    (error: unknown) => (isFlowIQError(error) ? error.code : `thrown ${String(error)}`),
  );

const asked = { param: "phone_number" as const, digits: number(1) };
const result = (digits: string, extra: Record<string, unknown>) => ({ lookup: { param: "phone_number", digits }, ...extra });

type AnswerRow = { name: string; body: unknown; expected: string };
const answers: AnswerRow[] = [
  { name: "results for contacts it never asked for (ignored)", body: { version: 1, results: [result(number(9), { status: 200, contact: contactFor(number(9)) }), result(number(1), { status: 404, error: "Contact not found" })] }, expected: "null" },
  { name: "two results for one contact (the first counts)", body: { version: 1, results: [result(number(1), { status: 200, contact: contactFor(number(1)) }), result(number(1), { status: 500 })] }, expected: `contact c-${number(1)}` },
  { name: "a result whose digits are a number", body: { version: 1, results: [{ lookup: { param: "phone_number", digits: Number(number(1)) }, status: 200, contact: contactFor(number(1)) }] }, expected: "invalid_response" },
  { name: "a result without a lookup", body: { version: 1, results: [{ status: 200, contact: contactFor(number(1)) }] }, expected: "invalid_response" },
  { name: "null results", body: { version: 1, results: [null, 7, "x", []] }, expected: "invalid_response" },
  { name: "__proto__ and constructor as digits", body: JSON.parse(`{"version":1,"results":[{"lookup":{"digits":"__proto__"},"status":200},{"lookup":{"digits":"constructor"},"status":200}]}`), expected: "invalid_response" },
  { name: "a status that is text", body: { version: 1, results: [result(number(1), { status: "200", contact: contactFor(number(1)) })] }, expected: "invalid_response" },
  { name: "a 200 result without a contact", body: { version: 1, results: [result(number(1), { status: 200 })] }, expected: "invalid_response" },
  { name: "a 200 result whose contact has no id", body: { version: 1, results: [result(number(1), { status: 200, contact: { full_name: "Nobody" } })] }, expected: "invalid_response" },
  { name: "a result claiming 401", body: { version: 1, results: [result(number(1), { status: 401, error: "Unauthorized" })] }, expected: "unauthorized" },
  { name: "results as an object", body: { version: 1, results: { [number(1)]: { status: 200 } } }, expected: "invalid_response" },
  { name: "10,000 results", body: { version: 1, results: Array.from({ length: 10_000 }, (_, n) => result(number(n), { status: 404, error: "Contact not found" })) }, expected: "null" },
  { name: "an array", body: [result(number(1), { status: 200, contact: contactFor(number(1)) })], expected: "invalid_response" },
  { name: "JSON null", body: "null", expected: "invalid_response" },
  { name: "a version that is not 1", body: { version: "1", results: [] }, expected: "invalid_response" },
];

describe("the batch client given a hostile batch answer", () => {
  it.each(answers)("settles the contact safely given $name", async ({ body, expected }) => {
    expect(await outcome(hostileProxy(body).load(asked))).toBe(expected);
  });

  it.each([
    ["1e30", 1e30, 3_600_000],
    ["Infinity (as JSON cannot say, a huge number)", 1e308, 3_600_000],
    ["a negative wait", -5000, undefined],
    ["a fraction of a second", 1500, 2000],
    ["a wait given as text", "30000", undefined],
  ])("reads a 429 result's retryAfterMs of %s as a whole number of seconds, at most an hour", async (_name, wait, expected) => {
    const body = { version: 1, results: [result(number(1), { status: 429, error: "Too many requests", message: "slow down", retryAfterMs: wait })] };
    const error = await hostileProxy(body).load(asked).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "rate_limited" });
    expect((error as { retryAfterMs?: number }).retryAfterMs).toBe(expected);
  });

  it("keeps the key out of what a caller gets when a proxy echoes it in a result", async () => {
    const body = { version: 1, results: [result(number(1), { status: 400, error: `bad key ${KEY}`, message: `bad key ${KEY}` })] };
    const batcher = hostileProxy(body, 200, { apiKey: KEY });
    const error = await batcher.load(asked).catch((caught: unknown) => caught);
    expect(isFlowIQError(error)).toBe(true);
    expect(`${(error as Error).message}${(error as Error).stack}`).not.toContain(KEY);
  });
});
