import { afterEach, describe, expect, it, vi } from "vitest";
import { buildContactQuery, contactQueryKey, lookupKey } from "../../src/core/contactQuery.js";
import type { FlowIQClient } from "../../src/core/FlowIQClient.js";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import type { ContactLookup } from "../../src/core/types.js";
import { buildContact } from "../../src/msw/buildContact.js";

const contact = buildContact();
/** A client whose every read finds `contact`. */
const client = { tenantId: "acme", batching: false, config: { tenantId: "acme" }, fetchContact: vi.fn(async () => contact) } as unknown as FlowIQClient;
const retryable = new FlowIQError("server", "The API failed (500).", { status: 500 });

/** The query as react-query runs it: the query function first (with the QueryClient's defaults), then the retry rule. */
async function queryUnder(queries?: { retry?: unknown; retryDelay?: unknown }) {
  const query = buildContactQuery(client, { phoneNumber: "+27 12 345 6789" });
  const signal = new AbortController().signal;
  await query.queryFn(queries === undefined ? { signal } : { signal, client: { getDefaultOptions: () => ({ queries }) } });
  return query;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("lookupKey", () => {
  it.each([null, undefined])("gives no lookup (%s) the key \"none\"", (lookup) => {
    expect(lookupKey(lookup)).toBe("none");
    expect(contactQueryKey("acme", lookup)).toEqual(["flowiq", "contact", "acme", "none"]);
  });

  it.each<[ContactLookup | string, string]>([
    [{ phoneNumber: "call me" }, "invalid:call me|"],
    [{ whatsappId: "call me" }, "invalid:|call me"],
    ["12", "invalid:12|"],
  ])("keeps the raw text of a lookup that does not normalise, behind invalid: (%j)", (lookup, key) => {
    expect(lookupKey(lookup)).toBe(key);
  });

  it("gives every way of writing one number the same key", () => {
    expect(lookupKey({ phoneNumber: "+27 12 345 6789" })).toBe("27123456789");
    expect(lookupKey("0027123456789")).toBe("27123456789");
  });
});

describe("a contact query's retry rule", () => {
  it("reads the contact without a QueryClient (react-query before 5.64 passes none)", async () => {
    const query = buildContactQuery(client, { phoneNumber: "+27 12 345 6789" });
    await expect(query.queryFn({ signal: new AbortController().signal })).resolves.toBe(contact);
    // Without defaults, a browser retries what may pass.
    expect(query.retry(0, retryable)).toBe(true);
  });

  it("makes one attempt under Deno, as react-query does on a server", async () => {
    vi.stubGlobal("Deno", {});
    const query = await queryUnder();
    expect(query.retry(0, retryable)).toBe(false);
  });

  it("retries for ever with the app's retry: true", async () => {
    const query = await queryUnder({ retry: true });
    expect(query.retry(10, new Error("anything"))).toBe(true);
  });

  it("retries up to the app's retry count", async () => {
    const query = await queryUnder({ retry: 2 });
    expect([0, 1, 2].map((n) => query.retry(n, retryable))).toEqual([true, true, false]);
  });

  it("asks the app's retry function", async () => {
    const retry = vi.fn((failureCount: number) => failureCount < 5);
    const query = await queryUnder({ retry });
    expect(query.retry(4, retryable)).toBe(true);
    expect(retry).toHaveBeenCalledWith(4, retryable);
    expect(query.retry(5, retryable)).toBe(false);
  });

  it("does not retry on a retry default react-query would not honour either (a string)", async () => {
    const query = await queryUnder({ retry: "3" });
    expect(query.retry(0, retryable)).toBe(false);
  });

  it("waits the app's retryDelay, a number or a function's answer", async () => {
    expect((await queryUnder({ retryDelay: 5 })).retryDelay(0, retryable)).toBe(5);
    const retryDelay = vi.fn((failureCount: number) => 100 * (failureCount + 1));
    expect((await queryUnder({ retryDelay })).retryDelay(2, retryable)).toBe(300);
    expect(retryDelay).toHaveBeenCalledWith(2, retryable);
  });

  it("backs off on its own without an app retryDelay", async () => {
    expect((await queryUnder({})).retryDelay(1, retryable)).toBe(2000);
  });
});
