import type { ContactBatcher } from "./contactBatcher.js";
import { assertTenant, getContact } from "./getContact.js";
import { normalizeLookup } from "./normalizeLookup.js";
import { contactRetryDelay, shouldRetryContact } from "./retryPolicy.js";
import type { Contact, ContactLookup, FlowIQConfig } from "./types.js";

/** How long a contact stays fresh before a mount refetches it. */
export const CONTACT_STALE_TIME_MS = 60_000;

export const CONTACT_KEY_ROOT = ["flowiq", "contact"] as const;

export type ContactQueryKey = readonly ["flowiq", "contact", string, string];

/**
 * The cache identity of a lookup: the normalised digits, so every way of
 * writing one number shares an entry. A lookup that does not normalise keeps
 * its raw text behind an `invalid:` prefix (no digits-only key can collide).
 */
export function lookupKey(lookup: ContactLookup | string): string {
  const value = typeof lookup === "string" ? { phoneNumber: lookup } : lookup;
  try {
    return normalizeLookup(value).digits;
  } catch {
    const { phoneNumber = "", whatsappId = "" } = (value ?? {}) as { phoneNumber?: unknown; whatsappId?: unknown };
    return `invalid:${String(phoneNumber)}|${String(whatsappId)}`;
  }
}

export function contactQueryKey(tenantId: string, lookup: ContactLookup | string): ContactQueryKey {
  return [...CONTACT_KEY_ROOT, tenantId, lookupKey(lookup)];
}

const batchers = new WeakMap<FlowIQConfig, ContactBatcher>();

/** Sends every contact query made with this config object through `batcher` (the provider's `batch`). */
export function bindContactBatcher(config: FlowIQConfig, batcher: ContactBatcher): void {
  batchers.set(config, batcher);
}

/** The query function's fetch: through the config's batcher when it has one, else one request. */
export async function queryContact(config: FlowIQConfig, lookup: ContactLookup, signal?: AbortSignal): Promise<Contact | null> {
  const batcher = batchers.get(config);
  if (!batcher) return getContact(config, lookup, { signal });
  assertTenant(config);
  return batcher.load(normalizeLookup(lookup), signal);
}

/**
 * The key of a disabled query (no lookup given): "none" is a key `lookupKey`
 * never gives (it gives digits or `invalid:…`), so `{ phoneNumber: "none" }` cannot share it.
 */
export function noLookupQueryKey(tenantId: string): ContactQueryKey {
  return [...CONTACT_KEY_ROOT, tenantId, "none"];
}

/** The plain (framework-free) options both the hooks and the server prefetch use. */
export function buildContactQuery(config: FlowIQConfig, lookup: ContactLookup) {
  // The key deliberately holds no baseUrl or key: a server prefetch straight to the
  // API must hydrate a browser that reads through the proxy (DESIGN.md).
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return {
    queryKey: contactQueryKey(typeof config?.tenantId === "string" ? config.tenantId : "", lookup),
    queryFn: ({ signal }: { signal: AbortSignal }): Promise<Contact | null> => queryContact(config, lookup, signal),
    staleTime: CONTACT_STALE_TIME_MS,
    retry: shouldRetryContact,
    retryDelay: contactRetryDelay,
  };
}
