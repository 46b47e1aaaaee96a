"use client";
import { QueryClient, QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import { useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { isDevelopment } from "../core/env.js";
import { createFlowIQClient, type FlowIQClient, type FlowIQClientConfig } from "../core/FlowIQClient.js";
import { FlowIQContext, type FlowIQContextValue } from "./FlowIQContext.js";
import { useContactRefresh } from "./useContactRefresh.js";
import { warnIfSecretKeyInBrowser } from "./warnings.js";

type ProviderOptions = {
  /**
   * The QueryClient to cache contacts in. Defaults to the one already provided
   * above this provider, else one of its own.
   */
  queryClient?: QueryClient;
  /**
   * Refetch every mounted contact on one shared tick, every this many
   * milliseconds (one batch per tick when the client batches). No tick while the
   * page is hidden, one catch-up when it shows again; tabs of the app share what they fetch.
   * @example <FlowIQProvider client={flowiq} refetchInterval={15_000}>
   */
  refetchInterval?: number;
  children?: ReactNode;
};

/**
 * Props of `FlowIQProvider`: a ready client (`client`), or the settings to make one
 * (`tenantId`, `baseUrl`, `batch`, …), never both; plus an optional QueryClient and refetch interval.
 * @example <FlowIQProvider tenantId="acme" baseUrl="/api/flowiq"><App /></FlowIQProvider>
 */
export type FlowIQProviderProps = ProviderOptions &
  (
    | ({
        /**
         * The client every hook and component below reads through (`createFlowIQClient`).
         * Providers given one client share its request cap and its batches.
         * @example <FlowIQProvider client={flowiq}><App /></FlowIQProvider>
         */
        client: FlowIQClient;
      } & { [K in keyof FlowIQClientConfig]?: never })
    | (FlowIQClientConfig & { client?: never })
  );

/** Whether two configs make the same client: the same values, `headers` and `batch` compared one level down. */
function sameConfig(a: FlowIQClientConfig, b: FlowIQClientConfig): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Array<keyof FlowIQClientConfig>);
  return [...keys].every((key) => {
    const [x, y] = [a[key], b[key]];
    if (Object.is(x, y)) return true;
    if (typeof x !== "object" || typeof y !== "object" || !x || !y) return false;
    const [xs, ys] = [Object.entries(x), Object.entries(y)];
    return xs.length === ys.length && xs.every(([name, value]) => Object.is(value, (y as Record<string, unknown>)[name]));
  });
}

/** The props form's own client: kept while the config is the same, a new one when it changes. */
function useOwnClient(config: FlowIQClientConfig | undefined): FlowIQClient | undefined {
  const [own, setOwn] = useState(() => (config ? { config, client: createFlowIQClient(config) } : undefined));
  if (config && (!own || !sameConfig(own.config, config))) {
    const next = { config, client: createFlowIQClient(config) };
    // Storing what the last render made, as React's docs describe: this render re-runs with it at once.
    setOwn(next);
    return next.client;
  }
  return own?.client;
}

/**
 * Makes a FlowIQ client available to `useContact`, `useContacts`, `<ContactCard>`
 * and the rest. Give it a client made once with `createFlowIQClient`, or the
 * same settings as props (a shorthand that makes a client of its own).
 * @example <FlowIQProvider client={flowiq}><App /></FlowIQProvider>
 * @example <FlowIQProvider tenantId="acme" baseUrl="/api/flowiq"><App /></FlowIQProvider>
 */
export function FlowIQProvider(props: FlowIQProviderProps) {
  const { queryClient: queryClientProp, children, client: clientProp, refetchInterval, ...config } = props;
  const outerClient = useContext(QueryClientContext);
  // Cheap to make and only used when no client is passed or provided above.
  const [ownQueryClient] = useState(() => new QueryClient());
  const queryClient = queryClientProp ?? outerClient ?? ownQueryClient;
  const ownClient = useOwnClient(clientProp ? undefined : (config as FlowIQClientConfig));
  const client = clientProp ?? (ownClient as FlowIQClient);

  useContactRefresh(queryClient, client.tenantId, refetchInterval);

  const { apiKey } = client.config;
  useEffect(() => {
    if (isDevelopment()) warnIfSecretKeyInBrowser(apiKey);
  }, [apiKey]);

  const value = useMemo<FlowIQContextValue>(() => ({ client, queryClient }), [client, queryClient]);
  const inner = <FlowIQContext.Provider value={value}>{children}</FlowIQContext.Provider>;
  // Only add a QueryClientProvider when ours is not already the one above.
  return queryClient === outerClient ? inner : <QueryClientProvider client={queryClient}>{inner}</QueryClientProvider>;
}
