"use client";
import { useSuspenseQuery, type UseSuspenseQueryOptions, type UseSuspenseQueryResult } from "@tanstack/react-query";
import type { ContactQueryKey } from "../core/contactQuery.js";
import type { FlowIQError } from "../core/FlowIQError.js";
import type { Contact, ContactLookup } from "../core/types.js";
import { contactQueryOptions } from "./contactQueryOptions.js";
import { useFlowIQContext } from "./FlowIQContext.js";

/**
 * The react-query options `useSuspenseContact` lets a caller change, `select` and `staleTime`
 * among them; the key and query function always stay the library's.
 * @example useSuspenseContact(lookup, { select: (contact) => contact?.full_name ?? null })
 */
export type SuspenseContactQueryOverrides<TData = Contact | null> = Omit<
  UseSuspenseQueryOptions<Contact | null, FlowIQError, TData, ContactQueryKey>,
  "queryKey" | "queryFn"
>;

/**
 * Reads one contact, suspending until it is there; errors go to the nearest
 * error boundary. `data` is `null` when the API has no contact with that number.
 * @example const { data: contact } = useSuspenseContact({ phoneNumber: "+27 12 345 6789" });
 */
export function useSuspenseContact<TData = Contact | null>(
  lookup: ContactLookup,
  options?: SuspenseContactQueryOverrides<TData>,
): UseSuspenseQueryResult<TData, FlowIQError> {
  const { client, queryClient } = useFlowIQContext("useSuspenseContact");
  return useSuspenseQuery({ ...contactQueryOptions(client, lookup), ...options }, queryClient);
}
