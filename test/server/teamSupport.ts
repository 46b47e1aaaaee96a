import Keyv from "keyv";
import { delay, http, HttpResponse } from "msw";
import { buildContact } from "../../src/msw/buildContact.js";
import type { ContactStore } from "../../src/server/contactStore.js";
import { createContactRouteHandler, type ContactRouteHandlerOptions } from "../../src/server/createContactRouteHandler.js";
import { server } from "../server.js";
import { API } from "../utils.js";

export const KEY = "fiq_live_team_5b2e9d41c7";
export const PROXY = "http://127.0.0.1:3000/api/flowiq";

/** Fifteen contacts of one inbox: 27825550100 … 27825550114. */
export const INBOX = Array.from({ length: 15 }, (_, i) => `278255501${String(i).padStart(2, "0")}`);

export function handler(overrides: Partial<ContactRouteHandlerOptions> = {}) {
  return createContactRouteHandler({ tenantId: "acme", apiKey: KEY, authorize: () => true, ...overrides });
}

export const single = (digits: string, init: RequestInit = {}) => new Request(`${PROXY}/contact?phone_number=${digits}`, init);
export const batch = (digits: string[], init: RequestInit = {}) =>
  new Request(`${PROXY}/contacts?${digits.map((d) => `phone_number=${d}`).join("&")}`, init);

/**
 * The API, counting its calls per tenant and digits: every number known except those in
 * `missing` (404), each answer held `delayMs` so identical lookups overlap. `next` can
 * replace one answer (a 429, a 500).
 */
export function countingApi({ delayMs = 30, missing = [] as string[] } = {}) {
  const calls = new Map<string, number>();
  const api = {
    calls,
    total: () => [...calls.values()].reduce((sum, n) => sum + n, 0),
    /** Replaces the next answers, one each. */
    next: [] as Array<() => Response>,
  };
  server.use(
    http.get(`${API}/contact`, async ({ request }) => {
      const url = new URL(request.url);
      const digits = url.searchParams.get("phone_number") ?? url.searchParams.get("whatsapp_id") ?? "";
      const key = `${url.searchParams.get("tenantId")}:${digits}`;
      calls.set(key, (calls.get(key) ?? 0) + 1);
      await delay(delayMs);
      const replaced = api.next.shift();
      if (replaced) return replaced();
      if (request.headers.get("authorization") !== `Bearer ${KEY}`) return HttpResponse.json({ error: "Unauthorized" }, { status: 401 });
      if (missing.includes(digits)) return HttpResponse.json({ error: "Contact not found", message: `No contact found with phone number ${digits}` }, { status: 404 });
      return HttpResponse.json({
        success: true,
        contact: buildContact({ id: `c-${digits}`, full_name: `Contact ${digits.slice(-3)}`, phone_number: `+${digits}` }),
      });
    }),
  );
  return api;
}

/** A real Keyv (its in-memory Map), spied: every key and value it was given, and the last TTL given for each key. */
export function keyvStore() {
  const keyv = new Keyv();
  const written: Array<[string, unknown]> = [];
  const reads: string[] = [];
  const ttls = new Map<string, number | undefined>();
  const store: ContactStore = {
    get: (key) => {
      reads.push(key);
      return keyv.get(key);
    },
    set: (key, value, ttlMs) => {
      written.push([key, value]);
      ttls.set(key, ttlMs);
      return keyv.set(key, value, ttlMs);
    },
    delete: (key) => keyv.delete(key),
  };
  return { keyv, store, written, reads, ttls };
}

/** The same store a network round trip away: every call reaches it, and answers, `ms` later (as Redis does). */
export function distant(store: ContactStore, ms = 5): ContactStore {
  const later = <T>(work: () => T) => new Promise<void>((resolve) => setTimeout(resolve, ms)).then(work);
  return {
    get: (key) => later(() => store.get(key)),
    set: (key, value, ttlMs) => later(() => store.set(key, value, ttlMs)),
    delete: (key) => later(() => store.delete(key)),
  };
}

export async function results(response: Response) {
  return ((await response.json()) as { results: Array<{ status: number; lookup: { digits: string }; retryAfterMs?: number; contact?: { id: string } }> }).results;
}
