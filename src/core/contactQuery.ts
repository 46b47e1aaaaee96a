import type { FlowIQClient } from "./FlowIQClient.js";
import { normalizeLookup } from "./normalizeLookup.js";
import { contactRetryDelay, shouldRetryContact } from "./retryPolicy.js";
import type { Contact, ContactLookup } from "./types.js";

/** How long a contact stays fresh before a mount refetches it. */
const CONTACT_STALE_TIME_MS = 60_000;

export const CONTACT_KEY_ROOT = ["flowiq", "contact"] as const;

/**
 * The react-query key of one contact: tenant, then the lookup's normalised digits. Use it to
 * read, set or invalidate a contact in the cache; `contactQueryKey` makes one.
 * @example const key: ContactQueryKey = contactQueryKey("acme", { phoneNumber: "+27 12 345 6789" });
 */
export type ContactQueryKey = readonly ["flowiq", "contact", string, string];

/**
 * The cache identity of a lookup: the normalised digits, so every way of
 * writing one number shares an entry. A lookup that does not normalise keeps
 * its raw text behind an `invalid:` prefix (no digits-only key can collide);
 * no lookup at all is `"none"`, which neither form can be.
 */
export function lookupKey(lookup: ContactLookup | string | null | undefined): string {
  if (lookup === null || lookup === undefined) return "none";
  const value = typeof lookup === "string" ? { phoneNumber: lookup } : lookup;
  try {
    return normalizeLookup(value).digits;
  } catch {
    const { phoneNumber = "", whatsappId = "" } = (value ?? {}) as { phoneNumber?: unknown; whatsappId?: unknown };
    return `invalid:${String(phoneNumber)}|${String(whatsappId)}`;
  }
}

/**
 * The key of one contact (or, for no lookup, of the one disabled query every such row shares).
 * @example queryClient.invalidateQueries({ queryKey: contactQueryKey("acme", { phoneNumber: "+27 12 345 6789" }) });
 */
export function contactQueryKey(tenantId: string, lookup: ContactLookup | string | null | undefined): ContactQueryKey {
  return [...CONTACT_KEY_ROOT, tenantId, lookupKey(lookup)];
}

type Retry = boolean | number | ((failureCount: number, error: unknown) => boolean);
type RetryDelay = number | ((failureCount: number, error: unknown) => number);
/** The part of a QueryClient the rule reads; react-query passes it to the query function (5.64+). */
type QueryClientDefaults = { getDefaultOptions(): { queries?: { retry?: unknown; retryDelay?: unknown } } };

// As react-query decides "server": there it makes one attempt by default, and so do we.
const onServer = () => typeof window === "undefined" || "Deno" in globalThis;

/**
 * The query function, `staleTime` and retry rule of a contact query, written
 * once for every hook, component, prefetch and loader. The retry rule: the
 * app's own QueryClient defaults win (a test client's `retry: false`, say);
 * without them, a server makes one attempt (a page should not wait out a
 * backoff before it streams) and a browser retries what may pass (network,
 * timeout, 5xx, 429) up to three times. The defaults are read from the
 * QueryClient the query runs in, so one options object serves any client.
 */
export function buildContactQuery(client: FlowIQClient, lookup: ContactLookup) {
  let app: { retry?: unknown; retryDelay?: unknown } | undefined;
  // The key deliberately holds no baseUrl or key: a server prefetch straight to the
  // API must hydrate a browser that reads the same contact through the app's proxy.
  return {
    queryKey: contactQueryKey(client.tenantId, lookup),
    queryFn: ({ signal, client: queryClient }: { signal: AbortSignal; client?: QueryClientDefaults }): Promise<Contact | null> => {
      app = queryClient?.getDefaultOptions().queries;
      return client.fetchContact(lookup, { signal });
    },
    staleTime: CONTACT_STALE_TIME_MS,
    retry: (failureCount: number, error: unknown): boolean => {
      const retry = app?.retry as Retry | undefined;
      if (retry === undefined) return !onServer() && shouldRetryContact(failureCount, error);
      // react-query's own reading of a `retry` option.
      return retry === true || (typeof retry === "number" && failureCount < retry) || (typeof retry === "function" && retry(failureCount, error));
    },
    retryDelay: (failureCount: number, error: unknown): number => {
      const delay = app?.retryDelay as RetryDelay | undefined;
      if (delay === undefined) return contactRetryDelay(failureCount, error);
      return typeof delay === "function" ? delay(failureCount, error) : delay;
    },
  };
}
