import type { QueryClient } from "@tanstack/react-query";
import { buildContactQuery } from "../core/contactQuery.js";
import type { ContactLookup, FlowIQConfig } from "../core/types.js";

/**
 * Fills `queryClient` with one contact under exactly the key the browser's
 * hooks read (tenant + digits; no baseUrl, no key), for `dehydrate` +
 * `<HydrationBoundary>`. Like `prefetchQuery`, it never throws: a failure is
 * left for the browser to retry, and a not-found is cached as `null`.
 * It makes one attempt, unless the QueryClient's defaults set `retry`: a page
 * should not wait out the browser's backoff (seconds) before it can stream.
 * @example await prefetchContact(queryClient, { tenantId: "acme", apiKey: process.env.FLOWIQ_API_KEY }, { phoneNumber })
 */
export function prefetchContact(queryClient: QueryClient, config: FlowIQConfig, lookup: ContactLookup): Promise<void> {
  const defaults = queryClient.getDefaultOptions().queries;
  return queryClient.prefetchQuery({
    ...buildContactQuery(config, lookup),
    retry: defaults?.retry ?? false,
    ...(defaults?.retryDelay === undefined ? {} : { retryDelay: defaults.retryDelay }),
  });
}
