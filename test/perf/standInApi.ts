import { delay, http, HttpResponse } from "msw";
import { contactDigits, contactUrl, notFoundResponse } from "../../src/msw/createContactHandlers.js";
import type { Contact } from "../../src/core/types.js";

export type StandInApiOptions = {
  contacts: Contact[];
  /** Milliseconds each answer takes. */
  delayMs?: number;
  /** Above this many requests in flight (per tenant), the API answers 429. @default 10 */
  rateLimit?: number;
  /** Holds every answer until it resolves (for requests that must stay in flight). */
  gate?: () => Promise<void>;
};

type TenantLoad = { inFlight: number; maxInFlight: number; answered: number; tooMany: number };

/**
 * A FlowIQ stand-in that watches its own load: requests in flight (overall
 * and per tenant), the most it saw at once, and how often it had to answer
 * 429 because a client sent more than `rateLimit` at once.
 */
export function createStandInApi({ contacts, delayMs = 5, rateLimit = 10, gate }: StandInApiOptions) {
  const byDigits = new Map<string, Contact>();
  for (const contact of contacts) {
    byDigits.set(contactDigits(contact.phone_number), contact);
    byDigits.set(contactDigits(contact.whatsapp_id), contact);
  }
  const total: TenantLoad = { inFlight: 0, maxInFlight: 0, answered: 0, tooMany: 0 };
  const tenants = new Map<string, TenantLoad>();
  const load = (tenant: string) => {
    let entry = tenants.get(tenant);
    if (!entry) {
      entry = { inFlight: 0, maxInFlight: 0, answered: 0, tooMany: 0 };
      tenants.set(tenant, entry);
    }
    return entry;
  };

  const handler = http.get(contactUrl(), async ({ request }) => {
    const params = new URL(request.url).searchParams;
    const tenant = load(params.get("tenantId") ?? "");
    const counters = [total, tenant];
    for (const counter of counters) {
      counter.inFlight++;
      counter.maxInFlight = Math.max(counter.maxInFlight, counter.inFlight);
    }
    try {
      if (tenant.inFlight > rateLimit) {
        for (const counter of counters) counter.tooMany++;
        return HttpResponse.json({ error: "Too many requests", message: "Slow down" }, { status: 429, headers: { "Retry-After": "1" } });
      }
      if (gate) await gate();
      await delay(delayMs);
      for (const counter of counters) counter.answered++;
      const digits = contactDigits(params.get("phone_number") ?? params.get("whatsapp_id"));
      const contact = byDigits.get(digits);
      return contact ? HttpResponse.json({ success: true, contact }) : notFoundResponse(digits);
    } finally {
      for (const counter of counters) counter.inFlight--;
    }
  });

  return { handler, total, tenant: load };
}
