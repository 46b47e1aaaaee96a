"use client";
import { skipToken, useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import { noLookupQueryKey, type ContactQueryKey } from "../core/contactQuery.js";
import type { FlowIQError } from "../core/FlowIQError.js";
import type { Contact, ContactLookup } from "../core/types.js";
import { contactQueryOptions, type ContactQueryOverrides } from "./contactQueryOptions.js";
import { clientRetryDefaults } from "./clientRetryDefaults.js";
import { useFlowIQContext } from "./FlowIQContext.js";

/**
 * Reads one contact. `data` is the contact, or `null` when the API has no
 * contact with that number. A `null`/`undefined` lookup makes no request.
 * @example const { data, error, isPending } = useContact({ phoneNumber: "+27 12 345 6789" });
 */
export function useContact<TData = Contact | null>(
  lookup: ContactLookup | null | undefined,
  options?: ContactQueryOverrides<TData>,
): UseQueryResult<TData, FlowIQError> {
  const { config, queryClient } = useFlowIQContext("useContact");
  const merged = { ...clientRetryDefaults(queryClient), ...options } as ContactQueryOverrides<TData>;
  const query: UseQueryOptions<Contact | null, FlowIQError, TData, ContactQueryKey> = lookup
    ? contactQueryOptions(config, lookup, merged)
    : { ...merged, queryKey: noLookupQueryKey(config.tenantId), queryFn: skipToken };
  return useQuery(query, queryClient);
}
