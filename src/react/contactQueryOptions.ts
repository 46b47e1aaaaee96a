import { queryOptions, type UseQueryOptions } from "@tanstack/react-query";
import { buildContactQuery, type ContactQueryKey } from "../core/contactQuery.js";
import type { FlowIQError } from "../core/FlowIQError.js";
import type { Contact, ContactLookup, FlowIQConfig } from "../core/types.js";

/** Options a caller may change; the key and query function always stay ours. */
export type ContactQueryOverrides<TData = Contact | null> = Omit<
  UseQueryOptions<Contact | null, FlowIQError, TData, ContactQueryKey>,
  "queryKey" | "queryFn"
>;

/**
 * Options for `useQuery`, `useSuspenseQuery`, `useQueries`, `prefetchQuery`
 * and `ensureQueryData`: the tenant-and-digits key, a query function that
 * passes react-query's AbortSignal to fetch, `staleTime` 60 s and the retry policy.
 * @example useQuery(contactQueryOptions(config, { phoneNumber: "+27 12 345 6789" }))
 */
export function contactQueryOptions<TData = Contact | null>(
  config: FlowIQConfig,
  lookup: ContactLookup,
  overrides?: ContactQueryOverrides<TData>,
) {
  return queryOptions<Contact | null, FlowIQError, TData, ContactQueryKey>({
    ...buildContactQuery(config, lookup),
    ...overrides,
  });
}
