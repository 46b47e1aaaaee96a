import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFlowIQClient, type FlowIQClientConfig } from "../../src/core/FlowIQClient.js";
import { failure } from "../utils.js";
import { contactAt, controlledFetch, digitsAt, drainMicrotasks } from "./batchSupport.js";

const PROXY = "https://app.example.test/api/flowiq";
const lookup = { phoneNumber: digitsAt(1) };
const one = (request: { respond(status: number, body: unknown): void }) =>
  request.respond(200, { success: true, contact: contactAt(1) });

/** A client that fetches each contact on its own (no batching), through a fetch the test answers. */
function singleClient(config: Partial<FlowIQClientConfig> = {}) {
  const api = controlledFetch();
  const client = createFlowIQClient({ tenantId: "acme", baseUrl: PROXY, fetch: api.fetch, batch: false, ...config });
  return { ...api, client, live: () => api.sent.filter((request) => !request.signal.aborted) };
}

afterEach(() => {
  vi.doUnmock("../../src/core/contactBatcher.js");
});

describe("createFlowIQClient's settings", () => {
  it("gives tenantId as an empty string when the config's is not a string, and every read fails with config", async () => {
    const { client, calls } = singleClient({ tenantId: 42 as unknown as string });
    expect(client.tenantId).toBe("");
    expect((await failure(client.fetchContact(lookup))).code).toBe("config");
    expect(calls).not.toHaveBeenCalled();
  });

  it("does not throw on no config at all: its tenant is empty and its reads fail with config", async () => {
    const client = createFlowIQClient(undefined as unknown as FlowIQClientConfig);
    expect(client.tenantId).toBe("");
    expect((await failure(client.fetchContact(lookup))).code).toBe("config");
  });

  it("keeps a frozen copy of the headers: changing the caller's object later changes no request", async () => {
    const headers: Record<string, string> = { "X-App": "crm" };
    const { client, sent } = singleClient({ headers });
    headers["X-App"] = "changed";
    headers["X-Extra"] = "added";
    expect(Object.isFrozen(client.config.headers)).toBe(true);
    expect(client.config.headers).toEqual({ "X-App": "crm" });
    const read = client.fetchContact(lookup);
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.url.pathname).toBe("/api/flowiq/contact");
    one(sent[0]!);
    await expect(read).resolves.toEqual(contactAt(1));
  });

  it("sends the headers as they were when the client was made", async () => {
    const headers: Record<string, string> = { "X-App": "crm" };
    const { client, calls, sent } = singleClient({ headers });
    headers["X-App"] = "changed";
    const read = client.fetchContact(lookup);
    await expect.poll(() => sent.length).toBe(1);
    const sentHeaders = new Headers(calls.mock.calls[0]![1]?.headers);
    expect(sentHeaders.get("x-app")).toBe("crm");
    one(sent[0]!);
    await read;
  });

  it("says whether it batches: through a proxy unless batch is false, with an API key only when asked", () => {
    expect(createFlowIQClient({ tenantId: "acme", baseUrl: PROXY }).batching).toBe(true);
    expect(createFlowIQClient({ tenantId: "acme", baseUrl: PROXY, batch: false }).batching).toBe(false);
    expect(createFlowIQClient({ tenantId: "acme", apiKey: "k" }).batching).toBe(false);
    expect(createFlowIQClient({ tenantId: "acme", apiKey: "k", batch: {} }).batching).toBe(true);
  });

  it("sends one single request per contact when it does not batch, however many are read at once", async () => {
    const api = controlledFetch();
    const client = createFlowIQClient({ tenantId: "acme", apiKey: "k", fetch: api.fetch });
    const reads = [1, 2, 3].map((n) => client.fetchContact({ phoneNumber: digitsAt(n) }));
    await expect.poll(() => api.sent.length).toBe(3);
    await drainMicrotasks();
    expect(api.sent).toHaveLength(3);
    for (const request of api.sent) {
      expect(request.url.pathname).toMatch(/\/contact$/);
      expect(request.asked).toHaveLength(1);
      one(request);
    }
    await Promise.all(reads);
  });

  it("treats batch: null as the default batch settings", async () => {
    const api = controlledFetch();
    const client = createFlowIQClient({ tenantId: "acme", baseUrl: PROXY, fetch: api.fetch, batch: null as unknown as boolean });
    expect(client.batching).toBe(true);
    const read = client.fetchContact(lookup);
    await expect.poll(() => api.sent.length).toBe(1);
    expect(api.sent[0]!.url.pathname).toBe("/api/flowiq/contacts");
    api.sent[0]!.respondEach((digits) => ({ status: 200, contact: contactAt(Number(digits) - 27825550100) }));
    await expect(read).resolves.toEqual(contactAt(1));
  });
});

describe("a client's single requests", () => {
  it("rejects at once, with no request, a read whose signal has already aborted", async () => {
    const { client, calls } = singleClient();
    const controller = new AbortController();
    controller.abort(new Error("already gone"));
    const read = client.fetchContact(lookup, { signal: controller.signal });
    read.catch(() => undefined);
    await drainMicrotasks();
    expect(calls).not.toHaveBeenCalled();
    await expect(read).rejects.toThrow("already gone");
  });

  it("rejects a read without a signal with the request's error", async () => {
    const { client, sent } = singleClient();
    const read = failure(client.fetchContact(lookup));
    await expect.poll(() => sent.length).toBe(1);
    sent[0]!.respond(500, { error: "Internal", message: "upstream down" });
    expect(await read).toMatchObject({ code: "server", status: 500, message: "upstream down" });
  });

  it("leaves no abort listener on a caller's signal once its read has failed or succeeded", async () => {
    const { client, sent } = singleClient();
    const controller = new AbortController();
    const failed = failure(client.fetchContact(lookup, { signal: controller.signal }));
    await expect.poll(() => sent.length).toBe(1);
    sent[0]!.respond(500, { error: "Internal" });
    expect((await failed).code).toBe("server");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);

    const found = client.fetchContact(lookup, { signal: controller.signal });
    await expect.poll(() => sent.length).toBe(2);
    one(sent[1]!);
    await found;
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("holds nothing on the signal of a caller who left while others still wait for the request", async () => {
    const { client, sent } = singleClient();
    const gone = new AbortController();
    const left = client.fetchContact(lookup, { signal: gone.signal });
    const stays = client.fetchContact(lookup);
    await expect.poll(() => sent.length).toBe(1);
    gone.abort();
    await expect(left).rejects.toMatchObject({ name: "AbortError" });
    expect(getEventListeners(gone.signal, "abort")).toHaveLength(0);
    expect(sent[0]!.signal.aborted).toBe(false);
    one(sent[0]!);
    await expect(stays).resolves.toEqual(contactAt(1));
  });

  it("gives a read asked right after the only waiter left a request of its own, which later reads share", async () => {
    const { client, live } = singleClient();
    const gone = new AbortController();
    const left = client.fetchContact(lookup, { signal: gone.signal });
    gone.abort(new DOMException("card unmounted", "AbortError"));
    // Asked in the same tick: it must not join the request that was just cancelled.
    const again = client.fetchContact(lookup);
    await expect(left).rejects.toMatchObject({ name: "AbortError" });
    await expect.poll(() => live().length).toBe(1);
    // Once the cancelled request has wound down, a third read still joins the live one.
    await drainMicrotasks();
    const third = client.fetchContact(lookup);
    await drainMicrotasks();
    expect(live()).toHaveLength(1);
    one(live()[0]!);
    await expect(Promise.all([again, third])).resolves.toEqual([contactAt(1), contactAt(1)]);
  });
});

describe("a batching client whose batcher cannot be loaded", () => {
  it("makes that read a single request, and tries the batcher again on the next read", async () => {
    let failures = 0;
    vi.doMock("../../src/core/contactBatcher.js", async (importOriginal) => {
      if (failures++ === 0) throw new Error("chunk failed to load");
      return importOriginal();
    });
    const api = controlledFetch();
    const client = createFlowIQClient({ tenantId: "acme", baseUrl: PROXY, fetch: api.fetch, batch: { windowMs: 0 } });
    const first = client.fetchContact(lookup);
    await expect.poll(() => api.sent.length).toBe(1);
    expect(api.sent[0]!.url.pathname).toBe("/api/flowiq/contact");
    one(api.sent[0]!);
    await expect(first).resolves.toEqual(contactAt(1));

    const second = client.fetchContact({ phoneNumber: digitsAt(2) });
    await expect.poll(() => api.sent.length).toBe(2);
    expect(api.sent[1]!.url.pathname).toBe("/api/flowiq/contacts");
    api.sent[1]!.respondEach(() => ({ status: 200, contact: contactAt(2) }));
    await expect(second).resolves.toEqual(contactAt(2));
  });
});

describe("a client's shared requests, whatever the order of settling and leaving", () => {
  it("never lets a caller who leaves as its request settles drop the next request of that contact, which later reads share", async () => {
    // The shared request settles and its callers hear it in separate microtasks. Each round asks and leaves
    // a given number of microtasks after the first read, so one round lands in each gap between them.
    for (let gap = 0; gap < 150; gap++) {
      const fetch = vi.fn(async () => Response.json({ success: true, contact: contactAt(1) }));
      const client = createFlowIQClient({ tenantId: "acme", baseUrl: PROXY, fetch, batch: false });
      const first = new AbortController();
      const second = new AbortController();
      const reads: Promise<unknown>[] = [client.fetchContact(lookup, { signal: first.signal }).catch(() => null)];
      let step = Promise.resolve();
      for (let n = 0; n < gap; n++) step = step.then(() => undefined);
      await step.then(() => {
        queueMicrotask(() => {
          // A new read, then the second caller leaves, then one more read: the last two must share a request.
          reads.push(client.fetchContact(lookup));
          second.abort();
          reads.push(client.fetchContact(lookup));
        });
        reads.push(client.fetchContact(lookup, { signal: second.signal }).catch(() => null));
        first.abort();
      });
      await drainMicrotasks();
      await Promise.all(reads);
      expect(fetch.mock.calls.length, `asked ${gap} microtasks after the first read`).toBeLessThanOrEqual(2);
    }
  });
});
