import type { QueryClient } from "@tanstack/react-query";
import { lookupKey } from "../core/contactQuery.js";
import type { FlowIQClient } from "../core/FlowIQClient.js";
import type { ContactLookup } from "../core/types.js";
import { prefetchContact } from "./prefetchContact.js";

/**
 * Fills `queryClient` with many contacts at once (a server-rendered table),
 * each under the key the browser's hooks read, for `dehydrate` +
 * `<HydrationBoundary>`. One read per distinct contact however each number
 * is written (`null`/`undefined` rows are skipped), through `client` (so at
 * most its `maxConcurrentRequests` in flight, batched when it batches), one
 * attempt each as in {@link prefetchContact}. It never throws: a failure is
 * left for the browser to retry, and a not-found is cached as `null`.
 * @example await prefetchContacts(queryClient, flowiq, rows.map((row) => ({ phoneNumber: row.phone })))
 */
export async function prefetchContacts(
  queryClient: QueryClient,
  client: FlowIQClient,
  lookups: ReadonlyArray<ContactLookup | null | undefined>,
): Promise<void> {
  const distinct = new Map<string, ContactLookup>();
  for (const lookup of Array.isArray(lookups) ? lookups : []) {
    if (!lookup) continue;
    const key = lookupKey(lookup);
    if (!distinct.has(key)) distinct.set(key, lookup);
  }
  await Promise.all([...distinct.values()].map((lookup) => prefetchContact(queryClient, client, lookup)));
}
