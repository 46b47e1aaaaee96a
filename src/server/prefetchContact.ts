import type { QueryClient } from "@tanstack/react-query";
import { buildContactQuery } from "../core/contactQuery.js";
import type { FlowIQClient } from "../core/FlowIQClient.js";
import type { ContactLookup } from "../core/types.js";

/**
 * Fills `queryClient` with one contact under exactly the key the browser's
 * hooks read (tenant + digits; no baseUrl, no key), for `dehydrate` +
 * `<HydrationBoundary>`. Like `prefetchQuery`, it never throws: a failure is
 * left for the browser to retry, and a not-found is cached as `null`. On a
 * server it makes one attempt unless the QueryClient's defaults set `retry`.
 * Reads through `client`, so it shares the client's cap and any read of the
 * same contact already in flight.
 * @example await prefetchContact(queryClient, flowiq, { phoneNumber: "+27 82 555 0101" })
 */
export function prefetchContact(queryClient: QueryClient, client: FlowIQClient, lookup: ContactLookup): Promise<void> {
  return queryClient.prefetchQuery(buildContactQuery(client, lookup));
}
