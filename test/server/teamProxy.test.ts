// @vitest-environment node
import { HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import type { FlowIQError } from "../../src/core/FlowIQError.js";
import type { ContactStore } from "../../src/server/contactStore.js";
import { batch, countingApi, distant, handler, INBOX, KEY, keyvStore, PROXY, results, single } from "./teamSupport.js";

describe("createContactRouteHandler with twenty agents on one inbox", () => {
  it("makes one upstream call per contact for twenty identical batches at once", async () => {
    const api = countingApi();
    const route = handler();
    const answers = await Promise.all(Array.from({ length: 20 }, () => route(batch(INBOX))));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    for (const answer of answers) expect((await results(answer)).map((r) => r.status)).toEqual(Array(15).fill(200));
    expect(api.total()).toBe(15);
    expect([...api.calls.values()]).toEqual(Array(15).fill(1));
  });

  it("makes one upstream call for identical single lookups, and for a single inside a batch in flight", async () => {
    const api = countingApi();
    const route = handler();
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, () => route(single(INBOX[0] as string))),
      route(batch([INBOX[0] as string, INBOX[1] as string])),
      route(new Request(`http://127.0.0.1:3000/api/flowiq/contact?whatsapp_id=${INBOX[1]}`)),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(api.calls.get(`acme:${INBOX[0]}`)).toBe(1);
    expect(api.calls.get(`acme:${INBOX[1]}`)).toBe(1);
  });

  it("still answers the agents who stay when one of them leaves, with the one call", async () => {
    const api = countingApi({ delayMs: 80 });
    const route = handler();
    const leaving = new AbortController();
    const first = route(single(INBOX[0] as string, { signal: leaving.signal }));
    const second = route(single(INBOX[0] as string));
    await vi.waitFor(() => expect(api.total()).toBe(1));
    leaving.abort();
    const left = await first;
    expect(left.status).toBe(502);
    expect(await left.json()).toEqual({ error: "Bad gateway", message: expect.stringMatching(/cancelled/) });
    const kept = await second;
    expect(kept.status).toBe(200);
    expect(((await kept.json()) as { contact: { id: string } }).contact.id).toBe(`c-${INBOX[0]}`);
    expect(api.total()).toBe(1);
  });

  it("words one shared not-found for each request's own lookup, phone number or WhatsApp id", async () => {
    const api = countingApi({ missing: [INBOX[0] as string] });
    const route = handler();
    const [byPhone, byWhatsApp] = await Promise.all([
      route(single(INBOX[0] as string)),
      route(new Request(`${PROXY}/contact?whatsapp_id=${INBOX[0]}`)),
    ]);
    expect(api.total()).toBe(1);
    expect([byPhone.status, byWhatsApp.status]).toEqual([404, 404]);
    expect(((await byPhone.json()) as { message: string }).message).toMatch(/phone number/);
    expect(((await byWhatsApp.json()) as { message: string }).message).toMatch(/WhatsApp id/);
  });
});

describe("createContactRouteHandler with a cache", () => {
  it("answers a second wave from the cache, found and not found, with no upstream call", async () => {
    const api = countingApi({ missing: [INBOX[3] as string] });
    const route = handler({ cache: { ttlMs: 60_000 } });
    const first = await results(await route(batch(INBOX)));
    expect(api.total()).toBe(15);
    const again = await Promise.all(Array.from({ length: 10 }, () => route(batch(INBOX))));
    expect(api.total()).toBe(15);
    const second = await results(again[0] as Response);
    expect(second).toEqual(first);
    expect(second[3]?.status).toBe(404);
    const lone = await route(single(INBOX[3] as string));
    expect(lone.status).toBe(404);
    expect(api.total()).toBe(15);
  });

  it("never keeps an error: the next lookup after a 500 goes upstream", async () => {
    const api = countingApi();
    api.next.push(() => HttpResponse.json({ error: "boom" }, { status: 500 }));
    const route = handler({ cache: { ttlMs: 60_000 } });
    expect((await route(single(INBOX[0] as string))).status).toBe(502);
    expect((await route(single(INBOX[0] as string))).status).toBe(200);
    expect((await route(single(INBOX[0] as string))).status).toBe(200);
    expect(api.total()).toBe(2);
  });

  it("forgets an answer after ttlMs", async () => {
    const api = countingApi({ delayMs: 0 });
    const route = handler({ cache: { ttlMs: 100 } });
    await route(single(INBOX[0] as string));
    await route(single(INBOX[0] as string));
    expect(api.total()).toBe(1);
    // Waiting longer than the TTL can only make the entry more expired.
    await new Promise((resolve) => setTimeout(resolve, 250));
    await route(single(INBOX[0] as string));
    expect(api.total()).toBe(2);
  });

  it("shares a Keyv store between instances: the second instance asks the API for nothing", async () => {
    const api = countingApi();
    const { store } = keyvStore();
    await handler({ cache: { ttlMs: 60_000, store } })(batch(INBOX));
    expect(api.total()).toBe(15);
    const other = handler({ cache: { ttlMs: 60_000, store } });
    const answers = await Promise.all(Array.from({ length: 10 }, () => other(batch(INBOX))));
    expect(new Set(await Promise.all(answers.map(async (a) => JSON.stringify(await results(a)))))).toHaveProperty("size", 1);
    expect(api.total()).toBe(15);
  });

  it("keeps tenants apart in one store, and never writes the key into it", async () => {
    const api = countingApi();
    const { store, written } = keyvStore();
    await handler({ cache: { ttlMs: 60_000, store } })(batch(INBOX.slice(0, 5)));
    await handler({ tenantId: "globex", cache: { ttlMs: 60_000, store } })(batch(INBOX.slice(0, 5)));
    expect(api.total()).toBe(10);
    expect(api.calls.get(`globex:${INBOX[0]}`)).toBe(1);
    expect(written.length).toBeGreaterThanOrEqual(10);
    expect(JSON.stringify(written)).not.toContain(KEY);
    expect(JSON.stringify(written)).not.toContain(KEY.slice(4, 20));
  });

  it("serves a cached answer exactly as the API's own", async () => {
    const api = countingApi({ delayMs: 0 });
    const route = handler({ cache: { ttlMs: 60_000 } });
    const first = await (await route(single(INBOX[0] as string))).json();
    const again = await (await route(single(INBOX[0] as string))).json();
    expect(again).toEqual(first);
    expect(api.total()).toBe(1);
  });

  it("serves an answer stored while this request's own cache read was on its way, with no second upstream call", async () => {
    const api = countingApi({ delayMs: 0 });
    const { store } = keyvStore();
    // The next contact read answers late, with what the store held when it was asked (a network round trip).
    let late: Promise<void> | undefined;
    let answerLate = () => {};
    const slowOnce: ContactStore = {
      ...store,
      get: async (key) => {
        const value: unknown = await store.get(key);
        const wait = key.includes(":contact:") ? late : undefined;
        if (wait) {
          late = undefined;
          await wait;
        }
        return value;
      },
    };
    late = new Promise((resolve) => (answerLate = resolve));
    const route = handler({ cache: { ttlMs: 60_000, store: slowOnce } });
    const slow = route(single(INBOX[0] as string));
    await vi.waitFor(() => expect(late).toBeUndefined());
    expect((await route(single(INBOX[0] as string))).status).toBe(200);
    expect(api.total()).toBe(1);
    answerLate();
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(answer.headers.get("server-timing")).toMatch(/^cache;desc="hit"/);
    expect(((await answer.json()) as { contact: { id: string } }).contact.id).toBe(`c-${INBOX[0]}`);
    expect(api.total()).toBe(1);
  });

  it("serves an answer another instance stored at once, while this instance's own call for it is still out", async () => {
    const api = countingApi({ delayMs: 0 });
    const { store } = keyvStore();
    let calling = 0;
    let letThrough = () => {};
    const held = new Promise<void>((resolve) => (letThrough = resolve));
    const heldFetch: typeof fetch = async (input, init) => {
      calling += 1;
      await held;
      return globalThis.fetch(input, init);
    };
    const here = handler({ cache: { ttlMs: 60_000, store, lock: false }, fetch: heldFetch, timeoutMs: 2000 });
    const there = handler({ cache: { ttlMs: 60_000, store, lock: false } });
    const first = here(single(INBOX[0] as string));
    await vi.waitFor(() => expect(calling).toBe(1));
    expect((await there(single(INBOX[0] as string))).status).toBe(200);
    const second = await here(single(INBOX[0] as string));
    expect(second.status).toBe(200);
    expect(second.headers.get("server-timing")).toMatch(/^cache;desc="hit"/);
    letThrough();
    expect((await first).status).toBe(200);
    expect(api.total()).toBe(2);
  });

  it("reads entries from a store that hands back what it holds decoded (JSON as objects, numbers as numbers)", async () => {
    const api = countingApi({ delayMs: 0 });
    const { store } = keyvStore();
    const decoding: ContactStore = {
      ...store,
      get: async (key) => {
        const value: unknown = await store.get(key);
        if (typeof value !== "string") return value;
        try {
          return JSON.parse(value) as unknown;
        } catch {
          return value;
        }
      },
    };
    const callerId = () => "ann";
    const options = { cache: { ttlMs: 60_000, store: decoding }, callerLimit: { lookups: 20, perMs: 3_600_000, callerId } };
    const [one, other] = [handler(options), handler(options)];
    // The answers: the other instance asks the API for nothing.
    expect((await one(batch(INBOX))).status).toBe(200);
    expect((await results(await other(batch(INBOX.slice(0, 5))))).map((r) => r.status)).toEqual(Array(5).fill(200));
    expect(api.total()).toBe(15);
    // The caller's count: 15 + 5 spent across the two, so one more is refused on either.
    expect((await other(single(INBOX[0] as string))).status).toBe(429);
    // The tenant's back-off: one instance's 429 holds the other back.
    const unlimited = { cache: { ttlMs: 60_000, store: decoding } };
    api.next.push(() => HttpResponse.json({ error: "Too many requests" }, { status: 429, headers: { "Retry-After": "30" } }));
    expect((await handler(unlimited)(single("27825550199"))).status).toBe(429);
    expect((await handler(unlimited)(single("27825550198"))).status).toBe(429);
    expect(api.total()).toBe(16);
  });

  it("runs authorize before any cache read", async () => {
    countingApi();
    const { store, reads } = keyvStore();
    const route = handler({ cache: { ttlMs: 60_000, store }, authorize: () => false });
    expect((await route(batch(INBOX))).status).toBe(401);
    expect((await route(single(INBOX[0] as string))).status).toBe(401);
    expect(reads).toEqual([]);
  });

  it("goes on without a store that throws, reporting the outage once, not once per lookup", async () => {
    const api = countingApi();
    const broken: ContactStore = {
      get: () => Promise.reject(new Error("ECONNREFUSED redis://:s3cret@cache:6379")),
      set: () => {
        throw new Error("down");
      },
      delete: () => Promise.reject(new Error("down")),
    };
    const onError = vi.fn<(error: FlowIQError) => void>();
    const route = handler({ cache: { ttlMs: 60_000, store: broken }, onError });
    const answers = await Promise.all([route(batch(INBOX)), route(batch(INBOX)), route(single(INBOX[0] as string))]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect((await results(answers[0] as Response)).map((r) => r.status)).toEqual(Array(15).fill(200));
    expect(api.total()).toBe(15);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0].message).toMatch(/cache store is unavailable/);
    expect(onError.mock.calls[0]?.[0].message).not.toMatch(/s3cret/);
  });

  it("goes on without a store that never answers, within the store's time box", async () => {
    const api = countingApi({ delayMs: 0 });
    const stalled: ContactStore = { get: () => new Promise(() => {}), set: () => new Promise(() => {}), delete: () => new Promise(() => {}) };
    const onError = vi.fn();
    const route = handler({ cache: { ttlMs: 60_000, store: stalled }, onError });
    const started = performance.now();
    const answer = await route(batch(INBOX.slice(0, 3)));
    expect(answer.status).toBe(200);
    expect((await results(answer)).map((r) => r.status)).toEqual([200, 200, 200]);
    // Several store calls, each boxed at 100 ms, then none while it is down; far below the 8 s timeout.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(api.total()).toBe(3);
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe("createContactRouteHandler after an upstream 429", () => {
  it("sends nothing of the tenant upstream until Retry-After has passed, answering each with the time left", async () => {
    const api = countingApi({ delayMs: 0 });
    api.next.push(() => HttpResponse.json({ error: "Too many requests" }, { status: 429, headers: { "Retry-After": "5" } }));
    const route = handler();
    const limited = await route(single(INBOX[0] as string));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("5");
    for (let i = 0; i < 10; i++) {
      const items = await results(await route(batch(INBOX)));
      expect(items.every((item) => item.status === 429 && item.retryAfterMs !== undefined && item.retryAfterMs <= 5000 && item.retryAfterMs >= 1000)).toBe(true);
    }
    const held = await route(single(INBOX[5] as string));
    expect(held.status).toBe(429);
    expect(Number(held.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(held.headers.get("retry-after"))).toBeLessThanOrEqual(5);
    expect(api.total()).toBe(1);
  });

  it("holds back every instance sharing the store", async () => {
    const api = countingApi({ delayMs: 0 });
    api.next.push(() => HttpResponse.json({ error: "Too many requests" }, { status: 429, headers: { "Retry-After": "30" } }));
    const { keyv, store } = keyvStore();
    await handler({ cache: { ttlMs: 60_000, store } })(single(INBOX[0] as string));
    const other = handler({ cache: { ttlMs: 60_000, store } });
    const items = await results(await other(batch(INBOX)));
    expect(items.map((item) => item.status)).toEqual(Array(15).fill(429));
    expect(items[0]?.retryAfterMs).toBeGreaterThan(25_000);
    expect(items[0]?.retryAfterMs).toBeLessThanOrEqual(30_000);
    // Once it has seen the hold, an instance keeps it even if the store forgets it.
    await keyv.clear();
    expect((await other(single(INBOX[1] as string))).status).toBe(429);
    expect(api.total()).toBe(1);
  });

  it("holds back only the tenant that was limited, in a store tenants share", async () => {
    const api = countingApi({ delayMs: 0 });
    api.next.push(() => HttpResponse.json({ error: "Too many requests" }, { status: 429, headers: { "Retry-After": "30" } }));
    const { store } = keyvStore();
    expect((await handler({ cache: { ttlMs: 60_000, store } })(single(INBOX[0] as string))).status).toBe(429);
    expect((await handler({ cache: { ttlMs: 60_000, store } })(single(INBOX[1] as string))).status).toBe(429);
    expect((await handler({ tenantId: "globex", cache: { ttlMs: 60_000, store } })(single(INBOX[1] as string))).status).toBe(200);
    expect(api.total()).toBe(2);
  });

  it("lets lookups through again once the wait is over", async () => {
    const api = countingApi({ delayMs: 0 });
    api.next.push(() => HttpResponse.json({ error: "Too many requests" }, { status: 429, headers: { "Retry-After": "1" } }));
    const route = handler();
    expect((await route(single(INBOX[0] as string))).status).toBe(429);
    expect((await route(single(INBOX[1] as string))).status).toBe(429);
    await vi.waitFor(async () => expect((await route(single(INBOX[1] as string))).status).toBe(200), { timeout: 5000, interval: 200 });
    expect(api.total()).toBe(2);
  });
});

describe("createContactRouteHandler with callerLimit", () => {
  const callerId = (request: Request) => request.headers.get("x-user") ?? "";
  const as = (user: string) => ({ headers: { "x-user": user } });

  it("counts every contact of a batch, refuses past the budget with Retry-After and no upstream call, and leaves other callers alone", async () => {
    const api = countingApi({ delayMs: 0 });
    const route = handler({ callerLimit: { lookups: 20, perMs: 60_000, callerId } });
    expect((await route(batch(INBOX, as("ann")))).status).toBe(200);
    expect(api.total()).toBe(15);
    const refused = await route(batch(INBOX.slice(0, 6), as("ann")));
    expect(refused.status).toBe(429);
    const seconds = Number(refused.headers.get("retry-after"));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(api.total()).toBe(15);
    // Five left for ann: a batch of five passes.
    expect((await route(batch(INBOX.slice(0, 5), as("ann")))).status).toBe(200);
    expect((await route(single(INBOX[0] as string, as("ann")))).status).toBe(429);
    expect((await route(batch(INBOX, as("bob")))).status).toBe(200);
  });

  it("counts concurrent requests of one caller exactly", async () => {
    countingApi({ delayMs: 10 });
    const route = handler({ callerLimit: { lookups: 10, perMs: 60_000, callerId } });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => route(single(INBOX[i % 15] as string, as("ann")))));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(20);
  });

  it("counts in the store, so a caller's budget holds across instances", async () => {
    const api = countingApi({ delayMs: 0 });
    const { store } = keyvStore();
    const options = { cache: { ttlMs: 60_000, store }, callerLimit: { lookups: 20, perMs: 60_000, callerId } };
    expect((await handler(options)(batch(INBOX, as("ann")))).status).toBe(200);
    expect((await handler(options)(batch(INBOX.slice(0, 6), as("ann")))).status).toBe(429);
    expect(api.total()).toBe(15);
  });

  it("puts callers with no usable id, a throw or a non-string, in one shared budget", async () => {
    countingApi({ delayMs: 0 });
    const route = handler({
      callerLimit: {
        lookups: 15,
        perMs: 3_600_000,
        callerId: (request) => {
          const user = request.headers.get("x-user");
          if (user === "no session") throw new Error("no session");
          return user === "odd" ? (42 as unknown as string) : (user ?? "");
        },
      },
    });
    expect((await route(batch(INBOX, as("no session")))).status).toBe(200);
    expect((await route(single(INBOX[0] as string, as("odd")))).status).toBe(429);
    expect((await route(single(INBOX[0] as string, as("ann")))).status).toBe(200);
  });

  it("holds a caller's budget across instances when the store loses the count mid-window", async () => {
    countingApi({ delayMs: 0 });
    const { keyv, store } = keyvStore();
    const options = { cache: { ttlMs: 60_000, store }, callerLimit: { lookups: 20, perMs: 3_600_000, callerId } };
    const [one, other] = [handler(options), handler(options)];
    expect((await one(batch(INBOX.slice(0, 5), as("ann")))).status).toBe(200);
    expect((await other(batch(INBOX.slice(0, 12), as("ann")))).status).toBe(200);
    // 17 spent in all: five more are refused, and spend nothing.
    expect((await one(batch(INBOX.slice(0, 5), as("ann")))).status).toBe(429);
    // The store forgets (a restart, an eviction): each instance still knows what it let through itself.
    await keyv.clear();
    expect((await one(batch(INBOX, as("ann")))).status).toBe(200);
    expect((await one(single(INBOX[0] as string, as("ann")))).status).toBe(429);
    // And wrote its own count back, which the other instance reads.
    expect((await other(single(INBOX[0] as string, as("ann")))).status).toBe(429);
  });

  it("refuses a bad callerLimit when created", () => {
    expect(() => handler({ callerLimit: { lookups: 0, perMs: 1000, callerId } })).toThrow(/callerLimit/);
    expect(() => handler({ cache: { ttlMs: -1 } })).toThrow(/ttlMs/);
    expect(() => handler({ cache: { ttlMs: 1000, store: {} as ContactStore } })).toThrow(/Keyv-shaped/);
  });
});

describe("createContactRouteHandler on a cold cache across instances", () => {
  it("makes one upstream call per contact per instance at most, and one in all with the lock", async () => {
    const api = countingApi({ delayMs: 60 });
    const { store } = keyvStore();
    const instances = Array.from({ length: 3 }, () => handler({ cache: { ttlMs: 60_000, store } }));
    const answers = await Promise.all(instances.flatMap((route) => [route(batch(INBOX)), route(batch(INBOX))]));
    for (const answer of answers) expect((await results(answer)).map((r) => r.status)).toEqual(Array(15).fill(200));
    expect(Math.max(...api.calls.values())).toBe(1);
    expect(api.total()).toBe(15);
  });

  it("makes one call in all when instances ask at the same instant through a store a round trip away", async () => {
    const api = countingApi({ delayMs: 60 });
    const { store } = keyvStore();
    const instances = Array.from({ length: 3 }, () => handler({ cache: { ttlMs: 60_000, store: distant(store) } }));
    // Warmed up on another contact, so that all three are at the same point when they ask.
    for (const route of instances) expect((await route(single(INBOX[1] as string))).status).toBe(200);
    const answers = await Promise.all(instances.map((route) => route(single(INBOX[0] as string))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(api.calls.get(`acme:${INBOX[0]}`)).toBe(1);
    // The two that waited were answered from the cache.
    const caches = answers.map((a) => /desc="(\w+)"/.exec(a.headers.get("server-timing") ?? "")?.[1]).sort();
    expect(caches).toEqual(["hit", "hit", "miss"]);
  });

  it.each([
    ["a Keyv store", (store: ContactStore) => store],
    [
      "a store that answers null for a missing key",
      (store: ContactStore): ContactStore => ({ ...store, get: async (key) => ((await store.get(key)) as unknown) ?? null }),
    ],
  ])("with %s, an instance asking while another holds the lock waits for that answer", async (_name, wrap) => {
    const api = countingApi({ delayMs: 150 });
    const { store } = keyvStore();
    const [one, other] = [handler({ cache: { ttlMs: 60_000, store: wrap(store) } }), handler({ cache: { ttlMs: 60_000, store: wrap(store) } })];
    const first = one(single(INBOX[0] as string));
    await vi.waitFor(() => expect(api.total()).toBe(1));
    const second = await other(single(INBOX[0] as string));
    expect(second.status).toBe(200);
    expect(second.headers.get("server-timing")).toMatch(/^cache;desc="hit"/);
    expect((await first).status).toBe(200);
    expect(api.total()).toBe(1);
  });

  it("leaves no lock behind when the holder's call fails, so the next instance goes upstream itself", async () => {
    const api = countingApi({ delayMs: 0 });
    api.next.push(() => HttpResponse.json({ error: "boom" }, { status: 500 }));
    const { keyv, store, written } = keyvStore();
    expect((await handler({ cache: { ttlMs: 60_000, store } })(single(INBOX[0] as string))).status).toBe(502);
    const locks = written.map(([key]) => key).filter((key) => key.includes(":lock:"));
    expect(locks).toHaveLength(1);
    expect(await keyv.get(locks[0] as string)).toBeUndefined();
    expect((await handler({ cache: { ttlMs: 60_000, store } })(single(INBOX[0] as string))).status).toBe(200);
    expect(api.total()).toBe(2);
  });

  it("waits at most half its timeout on a lock an instance that died left behind, then calls itself", async () => {
    const api = countingApi({ delayMs: 0 });
    const { keyv, store, written } = keyvStore();
    const route = handler({ cache: { ttlMs: 60_000, store }, timeoutMs: 1200 });
    expect((await route(single(INBOX[1] as string))).status).toBe(200);
    const lock = written.map(([key]) => key).find((key) => key.endsWith(`:lock:${INBOX[1]}`)) as string;
    await keyv.set(lock.replace(/\d+$/, INBOX[0] as string), "a-dead-instance", 60_000);
    const answer = await route(single(INBOX[0] as string));
    expect(answer.status).toBe(200);
    expect(api.calls.get(`acme:${INBOX[0]}`)).toBe(1);
  });

  it("gives every key it writes an expiry: answers ttlMs, locks the upstream timeout (at most 10 s), the back-off its hold", async () => {
    const api = countingApi({ delayMs: 0 });
    const { store, ttls } = keyvStore();
    await handler({ cache: { ttlMs: 60_000, store }, timeoutMs: 3000 })(single(INBOX[0] as string));
    await handler({ cache: { ttlMs: 60_000, store }, timeoutMs: 20_000 })(single(INBOX[1] as string));
    api.next.push(() => HttpResponse.json({ error: "Too many requests" }, { status: 429, headers: { "Retry-After": "30" } }));
    await handler({ cache: { ttlMs: 60_000, store } })(single(INBOX[2] as string));
    const ttl = (ending: string) => [...ttls].find(([key]) => key.endsWith(ending))?.[1];
    expect(ttl(`:contact:${INBOX[0]}`)).toBe(60_000);
    expect(ttl(`:lock:${INBOX[0]}`)).toBe(3000);
    expect(ttl(`:lock:${INBOX[1]}`)).toBe(10_000);
    expect(ttl(":backoff")).toBe(30_000);
  });

  it("without the lock, still at most one call per contact per instance", async () => {
    const api = countingApi({ delayMs: 60 });
    const { store } = keyvStore();
    const instances = Array.from({ length: 3 }, () => handler({ cache: { ttlMs: 60_000, store, lock: false } }));
    await Promise.all(instances.flatMap((route) => [route(batch(INBOX)), route(batch(INBOX))]));
    expect(Math.max(...api.calls.values())).toBeLessThanOrEqual(3);
    expect(api.total()).toBeGreaterThan(15);
  });
});

describe("createContactRouteHandler's Server-Timing", () => {
  it("says miss, then hit, with the upstream time, and never the key or a number", async () => {
    countingApi({ delayMs: 20, missing: [INBOX[2] as string] });
    const route = handler({ cache: { ttlMs: 60_000 } });
    const miss = (await route(single(INBOX[0] as string))).headers.get("server-timing") ?? "";
    expect(miss).toMatch(/^cache;desc="miss", upstream;dur=\d+\.\d, total;dur=\d+\.\d$/);
    const hit = (await route(single(INBOX[0] as string))).headers.get("server-timing") ?? "";
    expect(hit).toMatch(/^cache;desc="hit", total;dur=\d+\.\d$/);
    const partial = (await route(batch(INBOX.slice(0, 3)))).headers.get("server-timing") ?? "";
    expect(partial).toMatch(/^cache;desc="partial", upstream;dur=/);
    for (const header of [miss, hit, partial]) {
      expect(header).not.toContain(KEY);
      expect(header).not.toMatch(/\d{5,}/);
    }
  });

  it("is on every answer, refusals and errors included", async () => {
    countingApi();
    const route = handler({ authorize: (request) => request.headers.get("x-ok") === "1" });
    const answers = [
      await route(single(INBOX[0] as string)),
      await route(single("12", { headers: { "x-ok": "1" } })),
      await route(new Request(`http://127.0.0.1:3000/api/flowiq/contact`, { method: "POST", headers: { "x-ok": "1" } })),
      await route(single(INBOX[0] as string, { headers: { "x-ok": "1" } })),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 400, 405, 200]);
    for (const answer of answers) expect(answer.headers.get("server-timing")).toMatch(/^cache;desc="off"/);
  });
});
