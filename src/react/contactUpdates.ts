import type { QueryClient } from "@tanstack/react-query";
import { CONTACT_KEY_ROOT, contactQueryKey, type ContactQueryKey } from "../core/contactQuery.js";
import { FlowIQError } from "../core/FlowIQError.js";
import { normalizeDigits, normalizeLookup } from "../core/normalizeLookup.js";
import { parseContact } from "../core/parseContact.js";
import type { Contact, ContactLookup } from "../core/types.js";

function assertTenantId(tenantId: unknown): asserts tenantId is string {
  if (typeof tenantId !== "string" || !tenantId.trim()) {
    throw new FlowIQError("config", "A tenantId (your FlowIQ workspace id) is required to update contacts.");
  }
}

/** A hidden page refetches nothing: invalidated contacts refetch when it shows again (on focus). */
const refetchType = () => (typeof document !== "undefined" && document.visibilityState === "hidden" ? "none" : "active");

const asLookup = (lookup: ContactLookup | string): ContactLookup => (typeof lookup === "string" ? { phoneNumber: lookup } : lookup);

/**
 * Marks contacts of a tenant as changed: one lookup, several, or (none given)
 * all of them. Mounted ones refetch together, in one request per `maxSize`
 * with `batch` on; the others refetch when next shown (all of them, while the
 * page is hidden: they refetch together when it shows again). Resolves when the
 * mounted ones have their answers (failures stay on their queries).
 * Throws `invalid_lookup` for a lookup that holds no valid number.
 * @example await invalidateContacts(queryClient, "acme", [{ phoneNumber: "+27 82 555 0100" }, "+27 82 555 0101"])
 */
export function invalidateContacts(
  queryClient: QueryClient,
  tenantId: string,
  lookups?: ContactLookup | string | readonly (ContactLookup | string)[],
): Promise<void> {
  assertTenantId(tenantId);
  const refetch = { cancelRefetch: false, throwOnError: false };
  if (lookups === undefined) {
    return queryClient.invalidateQueries({ queryKey: [...CONTACT_KEY_ROOT, tenantId], refetchType: refetchType() }, refetch);
  }
  const list = Array.isArray(lookups) ? lookups : [lookups as ContactLookup | string];
  // Normalised first, so one bad lookup throws before anything is marked.
  const digits = new Set(list.map((lookup) => normalizeLookup(asLookup(lookup)).digits));
  if (digits.size === 0) return Promise.resolve();
  // One call over all of them, so their refetches start in the same batch window.
  return queryClient.invalidateQueries(
    {
      queryKey: [...CONTACT_KEY_ROOT, tenantId],
      refetchType: refetchType(),
      predicate: (query) => digits.has(query.queryKey[3] as string),
    },
    refetch,
  );
}

/**
 * Puts a contact the app already holds (from its own websocket or webhook
 * relay) into the cache, under every key a lookup by its phone number or
 * WhatsApp id reads, with no request. Mounted components show it at once and
 * count it as fresh from `updatedAt` (default: now). Returns those keys.
 * Throws `invalid_response` for a value that is not a contact and
 * `invalid_lookup` for a contact with no valid number.
 * @example setContactData(queryClient, "acme", { ...contact, unread_count: 3 })
 */
export function setContactData(
  queryClient: QueryClient,
  tenantId: string,
  contact: Contact,
  options: { updatedAt?: number } = {},
): ContactQueryKey[] {
  assertTenantId(tenantId);
  let parsed: Contact;
  try {
    parsed = parseContact(contact);
  } catch (error) {
    throw new FlowIQError("invalid_response", "setContactData needs a contact object with an id.", { cause: error });
  }
  const digits = new Set<string>();
  for (const [value, field] of [
    [parsed.phone_number, "phone_number"],
    [parsed.whatsapp_id, "whatsapp_id"],
  ] as const) {
    if (value) digits.add(normalizeDigits(value, field));
  }
  if (digits.size === 0) {
    throw new FlowIQError("invalid_lookup", "setContactData needs a contact with a phone_number or whatsapp_id to file it under.");
  }
  const keys = [...digits].map((value) => contactQueryKey(tenantId, value));
  for (const key of keys) queryClient.setQueryData(key, parsed, options.updatedAt === undefined ? undefined : { updatedAt: options.updatedAt });
  return keys;
}
