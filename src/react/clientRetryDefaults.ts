import type { QueryClient } from "@tanstack/react-query";
import type { ContactQueryOverrides } from "./contactQueryOptions.js";

/**
 * A QueryClient whose defaults set `retry` or `retryDelay` (a test client with
 * `retry: false`, say) keeps them: the app chose them on purpose.
 */
export function clientRetryDefaults(queryClient: QueryClient): Pick<ContactQueryOverrides, "retry" | "retryDelay"> {
  const queries = queryClient.getDefaultOptions().queries;
  const out: Pick<ContactQueryOverrides, "retry" | "retryDelay"> = {};
  if (queries?.retry !== undefined) out.retry = queries.retry as ContactQueryOverrides["retry"];
  if (queries?.retryDelay !== undefined) out.retryDelay = queries.retryDelay as ContactQueryOverrides["retryDelay"];
  return out;
}
