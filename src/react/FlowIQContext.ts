import { createContext, useContext } from "react";
import type { QueryClient } from "@tanstack/react-query";
import { configError } from "../core/FlowIQError.js";
import type { FlowIQClient } from "../core/FlowIQClient.js";

export type FlowIQContextValue = { client: FlowIQClient; queryClient: QueryClient };

export const FlowIQContext = createContext<FlowIQContextValue | null>(null);
FlowIQContext.displayName = "FlowIQContext";

/** The provider's value, or a `config` error naming the hook and the provider. */
export function useFlowIQContext(hook: string): FlowIQContextValue {
  const value = useContext(FlowIQContext);
  if (!value) {
    throw configError(
      `${hook} must be used inside <FlowIQProvider>. Wrap the part of your app that shows FlowIQ contacts in <FlowIQProvider client={client}> (or <FlowIQProvider tenantId="…">).`,
    );
  }
  return value;
}
