import { CONTACT_KEY_ROOT, contactQueryKey } from "../core/contactQuery.js";
import type { ContactLookup } from "../core/types.js";

/**
 * Query keys for contacts, for invalidation and direct cache access.
 * @example queryClient.invalidateQueries({ queryKey: contactKeys.tenant("acme") })
 */
export const contactKeys = {
  /** Every contact of every tenant: `["flowiq", "contact"]`. */
  all: CONTACT_KEY_ROOT,
  /** Every contact of one tenant. */
  tenant: (tenantId: string) => [...CONTACT_KEY_ROOT, tenantId] as const,
  /** One contact; any way of writing the number gives the same key. */
  detail: (tenantId: string, lookup: ContactLookup | string) => contactQueryKey(tenantId, lookup),
};
