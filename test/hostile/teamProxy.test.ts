// @vitest-environment node
// Hostile inputs for the proxy's team surface: caller ids, store keys, a store returning garbage,
// and Retry-After values no one should obey as given.
import { HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { buildContact } from "../../src/msw/buildContact.js";
import type { ContactStore } from "../../src/server/contactStore.js";
import { batch, countingApi, handler, INBOX, keyvStore, results, single } from "../server/teamSupport.js";

const DIGITS = INBOX[0] as string;
const KEY_SHAPE = /^flowiq:v1:[A-Za-z0-9_-]{22}:(contact:\d{8,15}|backoff|lock:\d{8,15}|caller:[A-Za-z0-9_-]{22}:\d+)$/;

describe("the team proxy given hostile caller ids", () => {
  const rows: Array<[string, (n: number) => unknown]> = [
    ["a 1 MB caller id", () => "u".repeat(1024 * 1024)],
    ["an id with separators and control characters", () => "ann:caller:x\n\u0000/../*"],
    ["the same id, repeated", () => "ann"],
    ["an id that looks like a store key", () => "flowiq:v1:AAAA:contact:27825550100"],
    ["a callerId that throws", () => {
      throw new Error("no session");
    }],
    ["a callerId that returns a non-string", () => ({ toString: () => "ann" })],
  ];

  it.each(rows)("%s: the budget holds, no crash, and every store key stays short and fixed in shape", async (_name, id) => {
    const api = countingApi({ delayMs: 0 });
    const { store, written } = keyvStore();
    let n = 0;
    const route = handler({
      cache: { ttlMs: 60_000, store },
      callerLimit: { lookups: 15, perMs: 60_000, callerId: () => id(n++) as string },
    });
    expect((await route(batch(INBOX))).status).toBe(200);
    const refused = await route(batch(INBOX.slice(0, 2)));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(api.total()).toBe(15);
    for (const [key] of written) expect(key).toMatch(KEY_SHAPE);
  });

  it("keeps ids that differ only around a separator apart", async () => {
    countingApi({ delayMs: 0 });
    const route = handler({ callerLimit: { lookups: 15, perMs: 60_000, callerId: (request) => request.headers.get("x-user") ?? "" } });
    const as = (user: string) => ({ headers: { "x-user": user } });
    expect((await route(batch(INBOX, as("a:b")))).status).toBe(200);
    expect((await route(batch(INBOX, as("a")))).status).toBe(200);
    expect((await route(batch(INBOX, as("a:b:")))).status).toBe(200);
    expect((await route(single(DIGITS, as("a:b")))).status).toBe(429);
  });

  it.each([
    ["an array", [999]],
    ["a count beyond exact integers", "1e300"],
    ["Infinity", "Infinity"],
    ["a Date", new Date()],
  ])("a caller count the store garbled as %s neither refuses the caller nor lifts the budget", async (_name, garbage) => {
    const api = countingApi({ delayMs: 0 });
    const store: ContactStore = { get: (key) => (key.includes(":caller:") ? garbage : undefined), set: () => undefined, delete: () => undefined };
    const route = handler({ cache: { ttlMs: 60_000, store }, callerLimit: { lookups: 15, perMs: 3_600_000, callerId: () => "ann" } });
    expect((await route(batch(INBOX))).status).toBe(200);
    expect((await route(single(DIGITS))).status).toBe(429);
    expect(api.total()).toBe(15);
  });
});

describe("the team proxy given tenants with separators", () => {
  it("writes fixed-shape keys and keeps 'a' and 'a:contact' apart", async () => {
    const api = countingApi({ delayMs: 0 });
    const { store, written } = keyvStore();
    for (const tenantId of ["a", "a:contact", "a:contact:27825550100", "a\nb"]) {
      expect((await handler({ tenantId, cache: { ttlMs: 60_000, store } })(single(DIGITS))).status).toBe(200);
    }
    expect(api.total()).toBe(4);
    expect(new Set(written.map(([key]) => key).filter((key) => key.includes(":contact:"))).size).toBe(4);
    for (const [key] of written) expect(key).toMatch(KEY_SHAPE);
  });
});

describe("the team proxy given a store that returns garbage", () => {
  const contact = buildContact({ id: "c-intruder", full_name: "Not yours" });
  const rows: Array<[string, unknown]> = [
    ["a number", 42],
    ["true", true],
    ["an array", [1, 2]],
    ["an empty object", {}],
    ["text that is not JSON", "{not json"],
    ["foreign JSON", JSON.stringify({ foo: "bar", contact })],
    ["a later layout", JSON.stringify({ v: 2, t: "acme", d: DIGITS, c: contact })],
    ["another tenant's entry", JSON.stringify({ v: 1, t: "globex", d: DIGITS, c: contact })],
    ["another contact's entry", JSON.stringify({ v: 1, t: "acme", d: "27825559999", c: contact })],
    ["a contact with no id", JSON.stringify({ v: 1, t: "acme", d: DIGITS, c: { full_name: "No id" } })],
    ["a contact that is a string", JSON.stringify({ v: 1, t: "acme", d: DIGITS, c: "<script>alert(1)</script>" })],
    ["an entry with no contact field", JSON.stringify({ v: 1, t: "acme", d: DIGITS })],
    ["a 2 MB string", "x".repeat(2 * 1024 * 1024)],
    ["a getter that throws", Object.defineProperty({}, "v", { get: () => { throw new Error("boom"); } })],
    ["a function carrying an entry's fields", Object.assign(() => undefined, { v: 1, t: "acme", d: DIGITS, c: contact })],
  ];

  it.each(rows)("%s is a miss: the API's own answer is served, nothing crashes, nothing is reported", async (_name, garbage) => {
    const api = countingApi({ delayMs: 0 });
    const onError = vi.fn();
    const store: ContactStore = { get: (key) => (key.includes(":contact:") ? garbage : undefined), set: () => undefined, delete: () => undefined };
    const route = handler({ cache: { ttlMs: 60_000, store }, onError });
    const answer = await route(single(DIGITS));
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { contact: { id: string } }).contact.id).toBe(`c-${DIGITS}`);
    const items = await results(await route(batch([DIGITS, INBOX[1] as string])));
    expect(items.map((item) => item.contact?.id)).toEqual([`c-${DIGITS}`, `c-${INBOX[1]}`]);
    expect(api.total()).toBe(3);
    expect(onError).not.toHaveBeenCalled();
  });

  it("serves this tenant's own entry holding a script tag as data: JSON, nosniff, the text unchanged", async () => {
    const api = countingApi({ delayMs: 0 });
    const name = "<script>alert(1)</script><img src=x onerror=alert(1)>";
    const entry = JSON.stringify({ v: 1, t: "acme", d: DIGITS, c: buildContact({ id: "c-x", full_name: name }) });
    const store: ContactStore = { get: (key) => (key.includes(":contact:") ? entry : undefined), set: () => undefined, delete: () => undefined };
    const answer = await handler({ cache: { ttlMs: 60_000, store } })(single(DIGITS));
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(((await answer.json()) as { contact: { full_name: string } }).contact.full_name).toBe(name);
    expect(api.total()).toBe(0);
  });

  it.each([
    ["a hold of a year", () => String(Date.now() + 365 * 24 * 3600 * 1000)],
    ["an unreadable hold", () => "forever"],
    ["a hold of 1e400", () => "1e400"],
    ["a hold in the past", () => String(Date.now() - 60_000)],
    ["an object for a hold", () => ({ until: Date.now() + 1e9 })],
  ])("a back-off entry holding %s never holds longer than an hour", async (_name, value) => {
    const api = countingApi({ delayMs: 0 });
    const raw = value();
    const store: ContactStore = { get: (key) => (key.endsWith(":backoff") ? raw : undefined), set: () => undefined, delete: () => undefined };
    const answer = await handler({ cache: { ttlMs: 60_000, store } })(single(DIGITS));
    if (answer.status === 429) {
      expect(Number(answer.headers.get("retry-after"))).toBeLessThanOrEqual(3600);
      expect(api.total()).toBe(0);
    } else {
      expect(answer.status).toBe(200);
      expect(api.total()).toBe(1);
    }
  });
});

describe("the team proxy given a back-off entry it cannot read", () => {
  it.each([
    ["an array holding a time", () => [Date.now() + 60_000]],
    ["a Date", () => new Date(Date.now() + 60_000)],
  ])("%s, not text or a number, is no hold", async (_name, value) => {
    const api = countingApi({ delayMs: 0 });
    const raw = value();
    const store: ContactStore = { get: (key) => (key.endsWith(":backoff") ? raw : undefined), set: () => undefined, delete: () => undefined };
    expect((await handler({ cache: { ttlMs: 60_000, store } })(single(DIGITS))).status).toBe(200);
    expect(api.total()).toBe(1);
  });

  it("never stops this instance holding back after its own 429", async () => {
    const api = countingApi({ delayMs: 0 });
    api.next.push(() => HttpResponse.json({ error: "Too many requests" }, { status: 429, headers: { "Retry-After": "30" } }));
    const store: ContactStore = { get: (key) => (key.endsWith(":backoff") ? "forever" : undefined), set: () => undefined, delete: () => undefined };
    const route = handler({ cache: { ttlMs: 60_000, store } });
    expect((await route(single(DIGITS))).status).toBe(429);
    const held = await route(single(INBOX[1] as string));
    expect(held.status).toBe(429);
    expect(Number(held.headers.get("retry-after"))).toBeGreaterThan(20);
    expect(api.total()).toBe(1);
  });
});

describe("the team proxy given hostile Retry-After values", () => {
  const limited = (retryAfter: string) => () => HttpResponse.json({ error: "Too many requests" }, { status: 429, headers: { "Retry-After": retryAfter } });

  it.each([
    ["a year in seconds", "31536000"],
    ["thirty nines", "9".repeat(30)],
    ["four hundred nines", "9".repeat(400)],
    ["a date a year ahead", new Date(Date.now() + 365 * 24 * 3600 * 1000).toUTCString()],
  ])("%s: every answer says at most an hour, as a whole number of seconds", async (_name, retryAfter) => {
    const api = countingApi({ delayMs: 0 });
    api.next.push(limited(retryAfter));
    const route = handler();
    for (const answer of [await route(single(DIGITS)), await route(single(INBOX[1] as string))]) {
      expect(answer.status).toBe(429);
      const header = answer.headers.get("retry-after");
      if (header !== null) {
        expect(header).toMatch(/^\d+$/);
        expect(Number(header)).toBeLessThanOrEqual(3600);
      }
    }
    const items = await results(await route(batch(INBOX.slice(2, 5))));
    for (const item of items) {
      expect(item.status).toBe(429);
      expect(Number.isInteger(item.retryAfterMs)).toBe(true);
      expect(item.retryAfterMs).toBeLessThanOrEqual(3_600_000);
    }
    expect(api.total()).toBe(1);
  });

  it.each([
    ["a date in the past", new Date(Date.now() - 3600_000).toUTCString()],
    ["zero", "0"],
    ["words", "soon"],
  ])("%s: holds the tenant a second at most, then lets lookups through", async (_name, retryAfter) => {
    const api = countingApi({ delayMs: 0 });
    api.next.push(limited(retryAfter));
    const route = handler();
    expect((await route(single(DIGITS))).status).toBe(429);
    const held = await route(single(INBOX[1] as string));
    if (held.status === 429) expect(Number(held.headers.get("retry-after") ?? "1")).toBeLessThanOrEqual(1);
    await vi.waitFor(async () => expect((await route(single(INBOX[1] as string))).status).toBe(200), { timeout: 4000, interval: 250 });
  });
});
