"use client";
import { useSuspenseQuery, type UseSuspenseQueryOptions, type UseSuspenseQueryResult } from "@tanstack/react-query";
import type { ContactQueryKey } from "../core/contactQuery.js";
import type { FlowIQError } from "../core/FlowIQError.js";
import type { Contact, ContactLookup } from "../core/types.js";
import { contactQueryOptions } from "./contactQueryOptions.js";
import { clientRetryDefaults } from "./clientRetryDefaults.js";
import { useFlowIQContext } from "./FlowIQContext.js";

export type SuspenseContactQueryOverrides<TData = Contact | null> = Omit<
  UseSuspenseQueryOptions<Contact | null, FlowIQError, TData, ContactQueryKey>,
  "queryKey" | "queryFn"
>;

/**
 * Reads one contact, suspending until it is there; errors go to the nearest
 * error boundary. `data` is `null` when the API has no contact with that number.
 */
export function useSuspenseContact<TData = Contact | null>(
  lookup: ContactLookup,
  options?: SuspenseContactQueryOverrides<TData>,
): UseSuspenseQueryResult<TData, FlowIQError> {
  const { config, queryClient } = useFlowIQContext("useSuspenseContact");
  const { queryKey, queryFn, staleTime, retry, retryDelay } = contactQueryOptions(config, lookup);
  return useSuspenseQuery({ queryKey, queryFn, staleTime, retry, retryDelay, ...clientRetryDefaults(queryClient), ...options }, queryClient);
}
