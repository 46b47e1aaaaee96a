"use client";
import { skipToken, useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import { contactQueryKey, type ContactQueryKey } from "../core/contactQuery.js";
import type { FlowIQError } from "../core/FlowIQError.js";
import type { Contact, ContactLookup } from "../core/types.js";
import { contactQueryOptions, type ContactQueryOverrides } from "./contactQueryOptions.js";
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
  const { client, queryClient } = useFlowIQContext("useContact");
  const query: UseQueryOptions<Contact | null, FlowIQError, TData, ContactQueryKey> = lookup
    ? contactQueryOptions(client, lookup, options)
    : { ...options, queryKey: contactQueryKey(client.tenantId, null), queryFn: skipToken };
  return useQuery(query, queryClient);
}
