import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createContactBatcher, type ContactBatchState } from "../../src/core/contactBatcher.js";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { getContact, requestContact } from "../../src/core/getContact.js";
import { createRequestLimiter, type RequestLimiter } from "../../src/core/requestLimiter.js";
import type { Contact, FlowIQConfig } from "../../src/core/types.js";
import { failure, TEST_KEY } from "../utils.js";
import { contactAt, controlledFetch, digitsAt, drainMicrotasks, found, lookupAt } from "./batchSupport.js";

const PROXY = "https://app.example.test/api/flowiq";

/** A limiter that also says how many tasks wait for a slot (the test's view; the library keeps no count). */
function watchedLimiter(max?: number) {
  const real = createRequestLimiter(max);
  let waiting = 0;
  const limiter: RequestLimiter = {
    run(task, signal) {
      let started = false;
      waiting++;
      const stopWaiting = () => {
        if (!started) waiting--;
        started = true;
      };
      const run = real.run(() => {
        stopWaiting();
        return task();
      }, signal);
      run.catch(stopWaiting);
      return run;
    },
  };
  return { limiter, waiting: () => waiting };
}

function setup(options: { maxSize?: number; windowMs?: number } = {}, config: Partial<FlowIQConfig> = {}, state: ContactBatchState = {}) {
  const api = controlledFetch();
  const fullConfig: FlowIQConfig = { tenantId: "acme", baseUrl: PROXY, fetch: api.fetch, ...config };
  const { limiter, waiting } = watchedLimiter(fullConfig.maxConcurrentRequests);
  const batcher = createContactBatcher(fullConfig, limiter, options, state, (lookup, signal) =>
    requestContact(fullConfig, limiter, lookup, signal),
  );
  return { ...api, batcher, config: fullConfig, state, limiter, waitingForSlot: waiting };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("a contact batcher collecting contacts", () => {
  it("sends nothing before windowMs has passed, then every contact asked in the window in one request", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { batcher, sent } = setup({ windowMs: 10 });
    const first = batcher.load(lookupAt(1));
    await vi.advanceTimersByTimeAsync(5);
    const second = batcher.load(lookupAt(2, "whatsapp_id"));
    await vi.advanceTimersByTimeAsync(4);
    await drainMicrotasks();
    expect(sent).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1);
    await drainMicrotasks();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url.pathname).toBe("/api/flowiq/contacts");
    expect([...sent[0]!.url.searchParams]).toEqual([
      ["tenantId", "acme"],
      ["phone_number", digitsAt(1)],
      ["whatsapp_id", digitsAt(2)],
    ]);
    sent[0]!.respondEach(found);
    await expect(first).resolves.toEqual(contactAt(1));
    await expect(second).resolves.toEqual(contactAt(2));
  });

  it("starts a new window for a contact asked after the last batch left", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const first = batcher.load(lookupAt(1));
    await expect.poll(() => sent.length).toBe(1);
    const second = batcher.load(lookupAt(2));
    await expect.poll(() => sent.length).toBe(2);
    expect(sent.map((request) => request.digits)).toEqual([[digitsAt(1)], [digitsAt(2)]]);
    sent.forEach((request) => request.respondEach(found));
    await expect(Promise.all([first, second])).resolves.toEqual([contactAt(1), contactAt(2)]);
  });

  it("sends one request per maxSize distinct contacts, a full one at once without waiting out the window", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { batcher, sent } = setup({ maxSize: 2, windowMs: 1000 });
    const loads = [1, 2, 3, 4, 5].map((n) => batcher.load(lookupAt(n)));
    await drainMicrotasks();
    // Two full batches left at once; the fifth contact waits for its window.
    expect(sent.map((request) => request.digits)).toEqual([
      [digitsAt(1), digitsAt(2)],
      [digitsAt(3), digitsAt(4)],
    ]);
    await vi.advanceTimersByTimeAsync(1000);
    await drainMicrotasks();
    expect(sent.map((request) => request.digits)).toEqual([
      [digitsAt(1), digitsAt(2)],
      [digitsAt(3), digitsAt(4)],
      [digitsAt(5)],
    ]);
    sent.forEach((request) => request.respondEach(found));
    await expect(Promise.all(loads)).resolves.toEqual([1, 2, 3, 4, 5].map(contactAt));
  });

  it("defaults to 50 contacts per request", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const loads = Array.from({ length: 120 }, (_, n) => batcher.load(lookupAt(n)));
    await expect.poll(() => sent.length).toBe(3);
    expect(sent.map((request) => request.digits.length)).toEqual([50, 50, 20]);
    sent.forEach((request) => request.respondEach(found));
    await Promise.all(loads);
  });

  it("asks once for a contact asked twice in a window, in either form, and answers both callers", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const byPhone = batcher.load(lookupAt(1, "phone_number"));
    const byWhatsApp = batcher.load(lookupAt(1, "whatsapp_id"));
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.asked).toEqual([`phone_number=${digitsAt(1)}`]);
    sent[0]!.respondEach(found);
    await expect(Promise.all([byPhone, byWhatsApp])).resolves.toEqual([contactAt(1), contactAt(1)]);
  });

  it("lets a contact asked again while its batch is in flight join it, with no second request", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const first = batcher.load(lookupAt(1));
    await expect.poll(() => sent.length).toBe(1);
    const joined = batcher.load(lookupAt(1));
    await drainMicrotasks();
    expect(sent).toHaveLength(1);
    sent[0]!.respondEach(found);
    await expect(Promise.all([first, joined])).resolves.toEqual([contactAt(1), contactAt(1)]);
  });

  it("asks again for a contact after its batch has answered (freshness is the cache's business)", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const first = batcher.load(lookupAt(1));
    await expect.poll(() => sent.length).toBe(1);
    sent[0]!.respondEach(found);
    await first;
    const again = batcher.load(lookupAt(1));
    await expect.poll(() => sent.length).toBe(2);
    sent[1]!.respondEach(found);
    await expect(again).resolves.toEqual(contactAt(1));
  });
});

describe("a contact batcher whose callers go away", () => {
  it("drops a contact whose only caller aborted before the batch left, and rejects that caller with the abort", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { batcher, sent } = setup({ windowMs: 10 });
    const gone = new AbortController();
    const dropped = batcher.load(lookupAt(1), gone.signal);
    const kept = batcher.load(lookupAt(2));
    gone.abort(new DOMException("card unmounted", "AbortError"));
    await expect(dropped).rejects.toMatchObject({ name: "AbortError", message: "card unmounted" });
    await vi.advanceTimersByTimeAsync(10);
    await drainMicrotasks();
    expect(sent.map((request) => request.digits)).toEqual([[digitsAt(2)]]);
    sent[0]!.respondEach(found);
    await expect(kept).resolves.toEqual(contactAt(2));
  });

  it("keeps a contact in the batch while one of its callers is still waiting", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const gone = new AbortController();
    const left = batcher.load(lookupAt(1), gone.signal);
    const stays = batcher.load(lookupAt(1), new AbortController().signal);
    gone.abort();
    await expect(left).rejects.toBeDefined();
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.digits).toEqual([digitsAt(1)]);
    sent[0]!.respondEach(found);
    await expect(stays).resolves.toEqual(contactAt(1));
  });

  it("never sends a batch whose every contact was dropped", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { batcher, calls } = setup({ windowMs: 10 });
    const controllers = [1, 2, 3].map(() => new AbortController());
    const loads = controllers.map((controller, n) => batcher.load(lookupAt(n), controller.signal));
    controllers.forEach((controller) => controller.abort());
    await Promise.allSettled(loads);
    // The emptied window's timer is gone too: a contact asked next gets a full window of its own.
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    await drainMicrotasks();
    expect(calls).not.toHaveBeenCalled();
  });

  it("never sends a batch waiting for a request slot once all its contacts were dropped", async () => {
    const { batcher, sent, waitingForSlot } = setup({ windowMs: 0, maxSize: 1 }, { maxConcurrentRequests: 1 });
    const first = batcher.load(lookupAt(1));
    await expect.poll(() => sent.length).toBe(1);
    const gone = new AbortController();
    const waiting = batcher.load(lookupAt(2), gone.signal);
    await expect.poll(waitingForSlot).toBe(1);
    gone.abort();
    await expect.poll(waitingForSlot).toBe(0);
    await expect(waiting).rejects.toBeDefined();
    sent[0]!.respondEach(found);
    await first;
    // The slot is free again and the limiter's queue is empty: nothing else left.
    const later = batcher.load(lookupAt(3));
    await expect.poll(() => sent.length).toBe(2);
    expect(sent[1]!.digits).toEqual([digitsAt(3)]);
    sent[1]!.respondEach(found);
    await later;
  });

  it("drops a contact whose caller left while its batch waited for a request slot", async () => {
    const { batcher, sent, waitingForSlot } = setup({ windowMs: 0 }, { maxConcurrentRequests: 1 });
    const first = batcher.load(lookupAt(1));
    await expect.poll(() => sent.length).toBe(1);
    const gone = new AbortController();
    const dropped = batcher.load(lookupAt(2), gone.signal);
    const kept = batcher.load(lookupAt(3));
    // The second batch has left its window and waits behind the first for the one slot.
    await expect.poll(waitingForSlot).toBe(1);
    gone.abort();
    await expect(dropped).rejects.toBeDefined();
    sent[0]!.respondEach(found);
    await first;
    await expect.poll(() => sent.length).toBe(2);
    expect(sent[1]!.digits).toEqual([digitsAt(3)]);
    sent[1]!.respondEach(found);
    await expect(kept).resolves.toEqual(contactAt(3));
  });

  it("does not abort a sent batch when one caller leaves: the others get their contacts", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const gone = new AbortController();
    const left = batcher.load(lookupAt(1), gone.signal);
    const stays = batcher.load(lookupAt(2), new AbortController().signal);
    await expect.poll(() => sent.length).toBe(1);
    gone.abort();
    await expect(left).rejects.toBeDefined();
    expect(sent[0]!.signal.aborted).toBe(false);
    sent[0]!.respondEach(found);
    await expect(stays).resolves.toEqual(contactAt(2));
  });

  it("cancels a sent batch's request once every caller of every contact in it has gone", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const controllers = [new AbortController(), new AbortController()];
    const loads = controllers.map((controller, n) => batcher.load(lookupAt(n), controller.signal));
    await expect.poll(() => sent.length).toBe(1);
    controllers[0]!.abort();
    expect(sent[0]!.signal.aborted).toBe(false);
    controllers[1]!.abort();
    expect(sent[0]!.signal.aborted).toBe(true);
    await Promise.allSettled(loads);
    // Asked again afterwards, the contact gets a request of its own.
    const again = batcher.load(lookupAt(0));
    await expect.poll(() => sent.length).toBe(2);
    sent[1]!.respondEach(found);
    await expect(again).resolves.toEqual(contactAt(0));
  });

  it("rejects at once, with no request, a caller whose signal has already aborted", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { batcher, calls } = setup({ windowMs: 10 });
    const controller = new AbortController();
    controller.abort(new Error("already gone"));
    await expect(batcher.load(lookupAt(1), controller.signal)).rejects.toThrow("already gone");
    // Past the window, when a batch holding it would have been sent.
    await vi.advanceTimersByTimeAsync(10);
    await drainMicrotasks();
    expect(calls).not.toHaveBeenCalled();
    // The same wait does send a live caller's contact, so the check above can fail.
    void batcher.load(lookupAt(2)).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(10);
    await drainMicrotasks();
    expect(calls).toHaveBeenCalledTimes(1);
  });
});

/** What a caller gets for one result, and what a single request with the same status and body gets. */
async function outcomes(status: number, body: Record<string, unknown>, retryAfterSeconds?: number) {
  const { batcher, sent } = setup({ windowMs: 0 });
  const batched = batcher.load(lookupAt(1)).then(
    (value) => ({ value }),
    (error: FlowIQError) => ({ error: { code: error.code, status: error.status, retryAfterMs: error.retryAfterMs, message: error.message } }),
  );
  await expect.poll(() => sent.length).toBe(1);
  sent[0]!.respondEach(() => ({
    status,
    ...body,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterMs: retryAfterSeconds * 1000 }),
  }));

  const single = controlledFetch();
  const alone = getContact({ tenantId: "acme", baseUrl: PROXY, fetch: single.fetch }, { phoneNumber: digitsAt(1) }).then(
    (value) => ({ value }),
    (error: FlowIQError) => ({ error: { code: error.code, status: error.status, retryAfterMs: error.retryAfterMs, message: error.message } }),
  );
  await expect.poll(() => single.sent.length).toBe(1);
  single.sent[0]!.respond(status, body, retryAfterSeconds === undefined ? {} : { "Retry-After": String(retryAfterSeconds) });
  return { batched: await batched, single: await alone };
}

describe("a contact batcher's outcomes, one per contact", () => {
  it.each([
    ["found", 200, { contact: contactAt(1) }, undefined, { value: contactAt(1) }],
    ["the documented not-found", 404, { error: "Contact not found", message: "No contact found" }, undefined, { value: null }],
    ["a 404 that is not the documented one", 404, { message: "gone" }, undefined, { error: { code: "invalid_response", status: 404 } }],
    ["an invalid lookup (400)", 400, { error: "Bad request", message: "Unknown country code" }, undefined, { error: { code: "invalid_lookup", status: 400, message: "Unknown country code" } }],
    ["unauthorized (401)", 401, { error: "Unauthorized" }, undefined, { error: { code: "unauthorized", status: 401 } }],
    ["forbidden (403)", 403, { error: "Forbidden" }, undefined, { error: { code: "forbidden", status: 403 } }],
    ["rate limited (429) with a wait", 429, { error: "Too many requests" }, 120, { error: { code: "rate_limited", status: 429, retryAfterMs: 120_000 } }],
    ["rate limited (429) without a wait", 429, { error: "Too many requests" }, undefined, { error: { code: "rate_limited", status: 429, retryAfterMs: undefined } }],
    ["a gateway error (502)", 502, { error: "Bad gateway", message: "The FlowIQ API failed (500)." }, undefined, { error: { code: "server", status: 502 } }],
    ["a gateway timeout (504)", 504, { error: "Gateway timeout" }, undefined, { error: { code: "server", status: 504 } }],
    ["an odd status (418)", 418, {}, undefined, { error: { code: "invalid_response", status: 418 } }],
    ["a malformed contact", 200, { contact: "not a contact" }, undefined, { error: { code: "invalid_response", status: 200 } }],
  ] as const)("gives %s the same outcome a single request would", async (_name, status, body, retryAfter, expected) => {
    const { batched, single } = await outcomes(status, body, retryAfter);
    expect(batched).toMatchObject(expected);
    // Same code, status and wait (the wording of a parse failure may differ).
    const withoutMessage = (outcome: typeof batched) =>
      "error" in outcome ? { error: { ...outcome.error, message: undefined } } : outcome;
    expect(withoutMessage(batched)).toEqual(withoutMessage(single));
  });

  it("settles each contact with its own outcome; one contact's failure fails no other", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const loads = [1, 2, 3, 4].map((n) =>
      batcher.load(lookupAt(n)).then(
        (value) => value,
        (error: FlowIQError) => error.code,
      ),
    );
    await expect.poll(() => sent.length).toBe(1);
    sent[0]!.respondEach((digits) => {
      if (digits === digitsAt(1)) return found(digits);
      if (digits === digitsAt(2)) return { status: 404, error: "Contact not found", message: "none" };
      if (digits === digitsAt(3)) return { status: 502, error: "Bad gateway", message: "upstream failed" };
      return { status: 429, error: "Too many requests", message: "slow down", retryAfterMs: 5000 };
    });
    expect(await Promise.all(loads)).toEqual([contactAt(1), null, "server", "rate_limited"]);
  });

  it("gives a contact the proxy's answer left out its own invalid_response", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const present = batcher.load(lookupAt(1));
    const missing = batcher.load(lookupAt(2));
    await expect.poll(() => sent.length).toBe(1);
    sent[0]!.respondEach((digits) => (digits === digitsAt(1) ? found(digits) : null));
    await expect(present).resolves.toEqual(contactAt(1));
    expect(await failure(missing)).toMatchObject({ code: "invalid_response", status: 200, message: expect.stringContaining("no result") });
  });

  it("ignores a negative or non-numeric retryAfterMs in a result", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const negative = batcher.load(lookupAt(1));
    const text = batcher.load(lookupAt(2));
    await expect.poll(() => sent.length).toBe(1);
    sent[0]!.respondEach((digits) => ({
      status: 429,
      error: "Too many requests",
      retryAfterMs: (digits === digitsAt(1) ? -5 : "soon") as unknown as number,
    }));
    expect((await failure(negative)).retryAfterMs).toBeUndefined();
    expect((await failure(text)).retryAfterMs).toBeUndefined();
  });
});

describe("a contact batcher whose request fails as a whole", () => {
  async function everyContactGets(respond: (request: ReturnType<typeof setup>["sent"][number]) => void, config: Partial<FlowIQConfig> = {}) {
    const { batcher, sent } = setup({ windowMs: 0 }, config);
    const loads = [1, 2, 3].map((n) => failure(batcher.load(lookupAt(n))));
    await expect.poll(() => sent.length).toBe(1);
    respond(sent[0]!);
    const errors = await Promise.all(loads);
    expect(sent).toHaveLength(1);
    return errors;
  }

  it.each([
    ["a network error", (request: ReturnType<typeof setup>["sent"][number]) => request.fail(new TypeError("Failed to fetch")), { code: "network" }],
    ["the proxy's own 500", (request: ReturnType<typeof setup>["sent"][number]) => request.respond(500, { error: "Internal error" }), { code: "server", status: 500 }],
    ["a 401 from authorize", (request: ReturnType<typeof setup>["sent"][number]) => request.respond(401, { error: "Unauthorized", message: "You are not allowed to look up contacts." }), { code: "unauthorized", status: 401 }],
    ["a 400 (too many lookups)", (request: ReturnType<typeof setup>["sent"][number]) => request.respond(400, { error: "Bad request", message: "A batch holds at most 50" }), { code: "invalid_lookup", status: 400 }],
    ["a 429 with Retry-After", (request: ReturnType<typeof setup>["sent"][number]) => request.respond(429, { error: "Too many requests" }, { "Retry-After": "7" }), { code: "rate_limited", retryAfterMs: 7000 }],
    ["a body that is not JSON", (request: ReturnType<typeof setup>["sent"][number]) => request.respond(200, "<html>login</html>"), { code: "invalid_response", status: 200 }],
    ["JSON without results", (request: ReturnType<typeof setup>["sent"][number]) => request.respond(200, { success: true, contact: contactAt(1) }), { code: "invalid_response", status: 200 }],
    ["a later batch format", (request: ReturnType<typeof setup>["sent"][number]) => request.respond(200, { version: 2, results: [] }), { code: "invalid_response", message: expect.stringContaining("same @flowiq/react version") }],
  ])("gives every contact in it %s", async (_name, respond, expected) => {
    const errors = await everyContactGets(respond);
    for (const error of errors) expect(error).toMatchObject(expected);
  });

  it("gives every contact in it the timeout when the proxy does not answer within timeoutMs", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { batcher, sent } = setup({ windowMs: 0 }, { timeoutMs: 500 });
    const loads = [1, 2].map((n) => failure(batcher.load(lookupAt(n))));
    await vi.advanceTimersByTimeAsync(0);
    await drainMicrotasks();
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    for (const error of await Promise.all(loads)) expect(error).toMatchObject({ code: "timeout" });
  });

  it("keeps the key out of a whole-batch error that echoes it", async () => {
    const errors = await everyContactGets((request) => request.respond(500, { message: `key ${TEST_KEY} rejected` }), {
      apiKey: TEST_KEY,
    });
    for (const error of errors) expect(`${error.message}${error.stack}`).not.toContain(TEST_KEY);
  });
});

describe("a contact batcher talking to a server without /contacts", () => {
  it.each([404, 405])("falls back to one request per contact on %i, with one development warning, and stays there", async (status) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    // Two batches in flight at once, both refused: still one warning.
    const { batcher, sent } = setup({ windowMs: 0, maxSize: 1 });
    const loads = [1, 2].map((n) => batcher.load(lookupAt(n)));
    await expect.poll(() => sent.length).toBe(2);
    const refusal = status === 404 ? "<!doctype html><h1>404</h1>" : { error: "Method not allowed" };
    sent.slice(0, 2).forEach((request) => request.respond(status, refusal));
    // Each contact is asked on its own, at /contact.
    await expect.poll(() => sent.length).toBe(4);
    const singles = sent.slice(2);
    expect(singles.map((request) => request.url.pathname)).toEqual(["/api/flowiq/contact", "/api/flowiq/contact"]);
    singles.forEach((request) => request.respond(200, { success: true, contact: contactAt(Number(request.digits[0]) - 27825550100) }));
    await expect(Promise.all(loads)).resolves.toEqual([contactAt(1), contactAt(2)]);

    // Later contacts skip /contacts altogether, and the warning is not repeated.
    const later = [3, 4].map((n) => batcher.load(lookupAt(n)));
    await expect.poll(() => sent.length).toBe(6);
    expect(sent.slice(4).every((request) => request.url.pathname === "/api/flowiq/contact")).toBe(true);
    sent.slice(4).forEach((request) => request.respond(200, { success: true, contact: contactAt(Number(request.digits[0]) - 27825550100) }));
    await Promise.all(later);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/\/api\/flowiq\/contacts answered \d{3}.*\[\.\.\.path\]/);
  });

  it("remembers the fallback in the state it was given, so another batcher of the same provider never asks /contacts", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const state: ContactBatchState = {};
    const first = setup({ windowMs: 0 }, {}, state);
    const load = first.batcher.load(lookupAt(1));
    await expect.poll(() => first.sent.length).toBe(1);
    first.sent[0]!.respond(404, "<h1>Not found</h1>");
    await expect.poll(() => first.sent.length).toBe(2);
    first.sent[1]!.respond(200, { success: true, contact: contactAt(1) });
    await load;

    const second = setup({ windowMs: 0 }, {}, state);
    const other = second.batcher.load(lookupAt(2));
    await expect.poll(() => second.sent.length).toBe(1);
    expect(second.sent[0]!.url.pathname).toBe("/api/flowiq/contact");
    second.sent[0]!.respond(200, { success: true, contact: contactAt(2) });
    await other;
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("does not warn in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { batcher, sent } = setup({ windowMs: 0 });
    const load = batcher.load(lookupAt(1));
    await expect.poll(() => sent.length).toBe(1);
    sent[0]!.respond(404, "<h1>Not found</h1>");
    await expect.poll(() => sent.length).toBe(2);
    sent[1]!.respond(200, { success: true, contact: contactAt(1) });
    await load;
    vi.unstubAllEnvs();
    expect(warn).not.toHaveBeenCalled();
  });

  it("cancels a fallen-back single request whose caller leaves", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { batcher, sent } = setup({ windowMs: 0 });
    const controller = new AbortController();
    const load = batcher.load(lookupAt(1), controller.signal);
    await expect.poll(() => sent.length).toBe(1);
    sent[0]!.respond(404, "<h1>Not found</h1>");
    await expect.poll(() => sent.length).toBe(2);
    controller.abort();
    await expect(load).rejects.toBeDefined();
    expect(sent[1]!.signal.aborted).toBe(true);
  });
});

describe("a contact batcher under the provider's request limiter", () => {
  it("keeps at most maxConcurrentRequests batch requests in flight, and shares the cap with single requests", async () => {
    const { batcher, sent, config, limiter } = setup({ windowMs: 0, maxSize: 1 }, { maxConcurrentRequests: 2 });
    const loads: Promise<Contact | null>[] = [1, 2, 3, 4].map((n) => batcher.load(lookupAt(n)));
    // A single request of the same client: the same limiter.
    const alone = requestContact(config, limiter, lookupAt(9));
    await expect.poll(() => sent.length).toBe(2);
    await drainMicrotasks();
    expect(sent).toHaveLength(2);
    sent[0]!.respondEach(found);
    await expect.poll(() => sent.length).toBe(3);
    sent[1]!.respondEach(found);
    await expect.poll(() => sent.length).toBe(4);
    sent[2]!.respondEach(found);
    await expect.poll(() => sent.length).toBe(5);
    sent[3]!.respondEach(found);
    // The single request queued behind the batches, first in first out.
    expect(sent[4]!.url.pathname).toBe("/api/flowiq/contact");
    sent[4]!.respond(200, { success: true, contact: contactAt(9) });
    await expect(Promise.all([...loads, alone])).resolves.toEqual([1, 2, 3, 4, 9].map(contactAt));
  });
});

describe("a contact batcher's request", () => {
  it("carries the tenant, the headers and the key of its config, and no other parameter", async () => {
    const { batcher, calls } = setup({ windowMs: 0 }, { apiKey: TEST_KEY, headers: { "X-App": "crm" } });
    void batcher.load(lookupAt(1)).catch(() => {});
    await expect.poll(() => calls.mock.calls.length).toBe(1);
    const [url, init] = calls.mock.calls[0]!;
    expect(String(url)).toBe(`${PROXY}/contacts?tenantId=acme&phone_number=${digitsAt(1)}`);
    const headers = new Headers(init?.headers);
    expect(headers.get("authorization")).toBe(`Bearer ${TEST_KEY}`);
    expect(headers.get("x-app")).toBe("crm");
  });

  it("reads a relative baseUrl against the page, like a single request", async () => {
    const { batcher, sent } = setup({ windowMs: 0 }, { baseUrl: "/api/flowiq/" });
    void batcher.load(lookupAt(1)).catch(() => {});
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.url.href).toBe(`${location.origin}/api/flowiq/contacts?tenantId=acme&phone_number=${digitsAt(1)}`);
  });

  it("gives every contact the config error of a config that cannot make a URL", async () => {
    const { batcher, calls } = setup({ windowMs: 0 }, { baseUrl: "http://[bad" });
    const errors = await Promise.all([1, 2].map((n) => failure(batcher.load(lookupAt(n)))));
    for (const error of errors) expect(error).toBeInstanceOf(FlowIQError);
    for (const error of errors) expect(error.code).toBe("config");
    expect(calls).not.toHaveBeenCalled();
  });
});

describe("a contact batcher's settings", () => {
  it.each([undefined, Number.NaN])("holds 50 contacts per request for a maxSize of %s", async (maxSize) => {
    const { batcher, sent } = setup({ maxSize, windowMs: 0 });
    const loads = Array.from({ length: 51 }, (_, n) => batcher.load(lookupAt(n)));
    await expect.poll(() => sent.length).toBe(2);
    expect(sent.map((request) => request.digits.length)).toEqual([50, 1]);
    sent.forEach((request) => request.respondEach(found));
    await Promise.all(loads);
  });

  it.each([undefined, -5, Number.NaN])("collects for the default 10 ms for a windowMs of %s", async (windowMs) => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { batcher, sent } = setup({ windowMs });
    const load = batcher.load(lookupAt(1));
    await vi.advanceTimersByTimeAsync(9);
    await drainMicrotasks();
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await drainMicrotasks();
    expect(sent).toHaveLength(1);
    sent[0]!.respondEach(found);
    await expect(load).resolves.toEqual(contactAt(1));
  });
});

describe("a contact batcher's bookkeeping", () => {
  it("leaves no abort listener on a caller's signal once its contact has come", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const controller = new AbortController();
    const load = batcher.load(lookupAt(1), controller.signal);
    await expect.poll(() => sent.length).toBe(1);
    sent[0]!.respondEach(found);
    await expect(load).resolves.toEqual(contactAt(1));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("holds nothing on the signal of a caller who left while another caller of its contact still waits", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const gone = new AbortController();
    const left = batcher.load(lookupAt(1), gone.signal);
    const stays = batcher.load(lookupAt(1));
    await expect.poll(() => sent.length).toBe(1);
    gone.abort();
    await expect(left).rejects.toBeDefined();
    expect(getEventListeners(gone.signal, "abort")).toHaveLength(0);
    sent[0]!.respondEach(found);
    await expect(stays).resolves.toEqual(contactAt(1));
  });

  it("keeps a contact asked again while its cancelled batch winds down as one entry, which later callers join", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { batcher, sent } = setup({ windowMs: 10 });
    const gone = new AbortController();
    const left = batcher.load(lookupAt(1), gone.signal);
    await vi.advanceTimersByTimeAsync(10);
    await drainMicrotasks();
    expect(sent).toHaveLength(1);
    // Its only caller leaves: the request is cancelled, and the contact is asked again at once.
    gone.abort();
    const again = batcher.load(lookupAt(1));
    await expect(left).rejects.toBeDefined();
    // The cancelled batch has wound down; a third caller joins the second one's entry.
    await drainMicrotasks();
    const third = batcher.load(lookupAt(1));
    await vi.advanceTimersByTimeAsync(10);
    await drainMicrotasks();
    expect(sent.map((request) => request.asked)).toEqual([[`phone_number=${digitsAt(1)}`], [`phone_number=${digitsAt(1)}`]]);
    sent[1]!.respondEach(found);
    await expect(Promise.all([again, third])).resolves.toEqual([contactAt(1), contactAt(1)]);
  });
});

describe("a contact batcher reading the proxy's answer", () => {
  it("reads an answer without a version as this client's format", async () => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const load = batcher.load(lookupAt(1));
    await expect.poll(() => sent.length).toBe(1);
    sent[0]!.respond(200, { results: [{ lookup: { param: "phone_number", digits: digitsAt(1) }, status: 200, contact: contactAt(1) }] });
    await expect(load).resolves.toEqual(contactAt(1));
  });

  it.each([
    ["no version and no results", { success: true }],
    ["this version and results that are not a list", { version: 1, results: "none" }],
  ])("tells to check baseUrl for an answer with %s", async (_name, body) => {
    const { batcher, sent } = setup({ windowMs: 0 });
    const load = failure(batcher.load(lookupAt(1)));
    await expect.poll(() => sent.length).toBe(1);
    sent[0]!.respond(200, body);
    expect(await load).toMatchObject({
      code: "invalid_response",
      status: 200,
      message: "The proxy's batch answer is not { results: [...] }; check baseUrl.",
    });
  });
});

describe("a contact batcher once the fallback is known", () => {
  const single = (request: ReturnType<typeof setup>["sent"][number]) =>
    request.respond(200, { success: true, contact: contactAt(Number(request.digits[0]) - 27825550100) });

  it("sends a contact as a single request at once, without waiting out the window", async () => {
    const { batcher, sent } = setup({ windowMs: 60_000 }, {}, { fallback: true });
    const load = batcher.load(lookupAt(1));
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.url.pathname).toBe("/api/flowiq/contact");
    single(sent[0]!);
    await expect(load).resolves.toEqual(contactAt(1));
  });

  it("sends a batch that waited for a request slot while the fallback was found as single requests, not to /contacts", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { batcher, sent, waitingForSlot } = setup({ windowMs: 0, maxSize: 1 }, { maxConcurrentRequests: 1 });
    const loads = [batcher.load(lookupAt(1))];
    await expect.poll(() => sent.length).toBe(1);
    loads.push(batcher.load(lookupAt(2)));
    await expect.poll(waitingForSlot).toBe(1);
    sent[0]!.respond(404, "<h1>Not found</h1>");
    // One slot: the two single requests go one after the other.
    await expect.poll(() => sent.length).toBe(2);
    single(sent[1]!);
    await expect.poll(() => sent.length).toBe(3);
    single(sent[2]!);
    await expect(Promise.all(loads)).resolves.toEqual([contactAt(1), contactAt(2)]);
    expect(sent.map((request) => request.url.pathname)).toEqual(["/api/flowiq/contacts", "/api/flowiq/contact", "/api/flowiq/contact"]);
  });
});
