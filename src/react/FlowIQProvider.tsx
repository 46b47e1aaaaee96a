"use client";
import { QueryClient, QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import { useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { bindRequestLimiter, createRequestLimiter } from "../core/requestLimiter.js";
import type { FlowIQConfig } from "../core/types.js";
import { FlowIQContext, type FlowIQContextValue } from "./FlowIQContext.js";
import { warnIfSecretKeyInBrowser } from "./warnings.js";

export type FlowIQProviderProps = FlowIQConfig & {
  /**
   * The QueryClient to cache contacts in. Defaults to the one already provided
   * above this provider, else one of its own.
   */
  queryClient?: QueryClient;
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
}: FlowIQProviderProps) {
  const outerClient = useContext(QueryClientContext);
  // Cheap to make and only used when no client is passed or provided above.
  const [ownClient] = useState(() => new QueryClient());
  const queryClient = queryClientProp ?? outerClient ?? ownClient;

  // One cap per provider, shared by every request made through it.
  const limiter = useMemo(() => createRequestLimiter(maxConcurrentRequests), [maxConcurrentRequests]);

  const headersKey = headers ? JSON.stringify(headers) : "";
  const config = useMemo<FlowIQConfig>(() => {
    const value: FlowIQConfig = { tenantId };
    if (apiKey !== undefined) value.apiKey = apiKey;
    if (baseUrl !== undefined) value.baseUrl = baseUrl;
    if (fetch !== undefined) value.fetch = fetch;
    if (headersKey) value.headers = JSON.parse(headersKey) as Record<string, string>;
    if (timeoutMs !== undefined) value.timeoutMs = timeoutMs;
    if (maxConcurrentRequests !== undefined) value.maxConcurrentRequests = maxConcurrentRequests;
    bindRequestLimiter(value, limiter);
    return value;
  }, [tenantId, apiKey, baseUrl, fetch, headersKey, timeoutMs, maxConcurrentRequests, limiter]);

  useEffect(() => {
    warnIfSecretKeyInBrowser(apiKey);
  }, [apiKey]);

  const value = useMemo<FlowIQContextValue>(() => ({ config, queryClient }), [config, queryClient]);
  const inner = <FlowIQContext.Provider value={value}>{children}</FlowIQContext.Provider>;
  // Only add a QueryClientProvider when ours is not already the one above.
  return queryClient === outerClient ? inner : <QueryClientProvider client={queryClient}>{inner}</QueryClientProvider>;
}
