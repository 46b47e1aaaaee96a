"use client";
import { skipToken, useQueries, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import { contactQueryKey, type ContactQueryKey } from "../core/contactQuery.js";
import type { FlowIQError } from "../core/FlowIQError.js";
import type { Contact, ContactLookup } from "../core/types.js";
import { contactQueryOptions, type ContactQueryOverrides } from "./contactQueryOptions.js";
import { clientRetryDefaults } from "./clientRetryDefaults.js";
import { useFlowIQContext } from "./FlowIQContext.js";

const identity = <T,>(results: T): T => results;

/**
 * Reads many contacts at once: one result per lookup, in order, and one
 * request per distinct contact however each number is written. The returned
 * array keeps its identity until a result changes.
 * @example const results = useContacts(rows.map((row) => ({ phoneNumber: row.phone })));
 */
export function useContacts(
  lookups: ReadonlyArray<ContactLookup | null | undefined>,
  options?: ContactQueryOverrides<Contact | null>,
): Array<UseQueryResult<Contact | null, FlowIQError>> {
  const { config, queryClient } = useFlowIQContext("useContacts");
  const merged: ContactQueryOverrides<Contact | null> = { ...clientRetryDefaults(queryClient), ...options };
  return useQueries(
    {
      queries: lookups.map(
        (lookup): UseQueryOptions<Contact | null, FlowIQError, Contact | null, ContactQueryKey> =>
          lookup
            ? contactQueryOptions(config, lookup, merged)
            : { ...merged, queryKey: contactQueryKey(config.tenantId, "none"), queryFn: skipToken },
      ),
      combine: identity,
    },
    queryClient,
  );
}
