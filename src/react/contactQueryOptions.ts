import { queryOptions, type UseQueryOptions } from "@tanstack/react-query";
import { buildContactQuery, type ContactQueryKey } from "../core/contactQuery.js";
import type { FlowIQClient } from "../core/FlowIQClient.js";
import type { FlowIQError } from "../core/FlowIQError.js";
import type { Contact, ContactLookup } from "../core/types.js";

/**
 * Options a caller may change; the key and query function always stay ours.
 * @example useContact(lookup, { staleTime: 5 * 60_000, select: (contact) => contact?.tags ?? [] })
 */
export type ContactQueryOverrides<TData = Contact | null> = Omit<
  UseQueryOptions<Contact | null, FlowIQError, TData, ContactQueryKey>,
  "queryKey" | "queryFn"
>;

/**
 * The one builder of a contact query, for `useQuery`, `useSuspenseQuery`,
 * `useQueries`, `fetchQuery`, `prefetchQuery` and `ensureQueryData`: the
 * tenant-and-digits key, a query function that reads through `client` (its
 * cap and batches, react-query's AbortSignal), `staleTime` 60 s, and retries
 * that defer to the QueryClient's own `retry`/`retryDelay` defaults when it
 * sets them. `overrides` win over all of it.
 * @example await queryClient.fetchQuery(contactQueryOptions(flowiq, { phoneNumber: "+27 12 345 6789" }))
 */
export function contactQueryOptions<TData = Contact | null>(
  client: FlowIQClient,
  lookup: ContactLookup,
  overrides?: ContactQueryOverrides<TData>,
) {
  return queryOptions<Contact | null, FlowIQError, TData, ContactQueryKey>({
    ...buildContactQuery(client, lookup),
    ...overrides,
  });
}
