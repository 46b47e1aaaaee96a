"use client";
import type { FlowIQClient } from "../core/FlowIQClient.js";
import { useFlowIQContext } from "./FlowIQContext.js";

/**
 * The nearest `<FlowIQProvider>`'s client (its `config`, cap and batches);
 * throws `FlowIQError` code `config` outside one.
 * @example const client = useFlowIQClient(); queryClient.prefetchQuery(contactQueryOptions(client, lookup));
 */
export function useFlowIQClient(): FlowIQClient {
  return useFlowIQContext("useFlowIQClient").client;
}
