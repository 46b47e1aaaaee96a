"use client";
import { QueryClient, QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import { useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { ContactBatchOptions, ContactBatchState } from "../core/contactBatcher.js";
import { bindContactBatcher } from "../core/contactQuery.js";
import { bindRequestLimiter, createRequestLimiter } from "../core/requestLimiter.js";
import type { FlowIQConfig } from "../core/types.js";
import { FlowIQContext, type FlowIQContextValue } from "./FlowIQContext.js";
import { lazyContactBatcher } from "./lazyContactBatcher.js";
import { useContactRefresh } from "./useContactRefresh.js";
import { warnIfSecretKeyInBrowser } from "./warnings.js";

// Declared here so the declarations build needs no Node types.
declare const process: { env: { NODE_ENV?: string } };

export type FlowIQProviderProps = FlowIQConfig & {
  /**
   * The QueryClient to cache contacts in. Defaults to the one already provided
   * above this provider, else one of its own.
   */
  queryClient?: QueryClient;
  /**
   * Fetch the contacts asked for within `windowMs` together, one request per
   * `maxSize` distinct contacts, from `{baseUrl}/contacts` (served by
   * `createContactRouteHandler`). `true` means `{ maxSize: 50, windowMs: 10 }`.
   * Each contact keeps its own cache entry, outcome and retries. A server
   * without `/contacts` (404 or 405) gets one request per contact instead.
   * @default false
   * @example <FlowIQProvider tenantId="acme" baseUrl="/api/flowiq" batch>
   */
  batch?: boolean | ContactBatchOptions;
  /**
   * Refetch every mounted contact on one shared tick, every this many
   * milliseconds (one batch per tick with `batch`). No tick while the page is
   * hidden, one catch-up when it shows again; tabs of the app share what they fetch.
   * @example <FlowIQProvider tenantId="acme" baseUrl="/api/flowiq" batch refetchInterval={15_000}>
   */
  refetchInterval?: number;
  children?: ReactNode;
};

/**
 * Makes a FlowIQ connection available to `useContact`, `useContacts` and `<ContactCard>`.
 * @example <FlowIQProvider tenantId="acme" baseUrl="/api/flowiq"><App /></FlowIQProvider>
 */
export function FlowIQProvider({
  queryClient: queryClientProp,
  children,
  tenantId,
  apiKey,
  baseUrl,
  fetch,
  headers,
  timeoutMs,
  maxConcurrentRequests,
  batch,
  refetchInterval,
}: FlowIQProviderProps) {
  const outerClient = useContext(QueryClientContext);
  // Cheap to make and only used when no client is passed or provided above.
  const [ownClient] = useState(() => new QueryClient());
  const queryClient = queryClientProp ?? outerClient ?? ownClient;

  // One cap per provider, shared by every request made through it.
  const limiter = useMemo(() => createRequestLimiter(maxConcurrentRequests), [maxConcurrentRequests]);

  // Whether this provider's server has no /contacts, remembered across config changes.
  const [batchState] = useState<ContactBatchState>(() => ({}));
  const headersKey = headers ? JSON.stringify(headers) : "";
  const batchKey = batch ? JSON.stringify(batch === true ? {} : batch) : "";
  const config = useMemo<FlowIQConfig>(() => {
    const given = { tenantId, apiKey, baseUrl, fetch, headers: headersKey ? JSON.parse(headersKey) : undefined, timeoutMs, maxConcurrentRequests };
    const value = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as FlowIQConfig;
    bindRequestLimiter(value, limiter);
    if (batchKey) bindContactBatcher(value, lazyContactBatcher(value, JSON.parse(batchKey), batchState));
    return value;
  }, [tenantId, apiKey, baseUrl, fetch, headersKey, timeoutMs, maxConcurrentRequests, limiter, batchKey, batchState]);

  useContactRefresh(queryClient, tenantId, refetchInterval);

  useEffect(() => {
    // Bundlers replace process.env.NODE_ENV, so production builds drop the check and its text.
    if (typeof process !== "undefined" && process.env.NODE_ENV !== "production") warnIfSecretKeyInBrowser(apiKey);
  }, [apiKey]);

  const value = useMemo<FlowIQContextValue>(() => ({ config, queryClient }), [config, queryClient]);
  const inner = <FlowIQContext.Provider value={value}>{children}</FlowIQContext.Provider>;
  // Only add a QueryClientProvider when ours is not already the one above.
  return queryClient === outerClient ? inner : <QueryClientProvider client={queryClient}>{inner}</QueryClientProvider>;
}
