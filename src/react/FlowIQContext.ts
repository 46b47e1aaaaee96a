import { createContext, useContext } from "react";
import type { QueryClient } from "@tanstack/react-query";
import { FlowIQError } from "../core/FlowIQError.js";
import type { FlowIQConfig } from "../core/types.js";

export type FlowIQContextValue = { config: FlowIQConfig; queryClient: QueryClient };

export const FlowIQContext = createContext<FlowIQContextValue | null>(null);
FlowIQContext.displayName = "FlowIQContext";

/** The provider's value, or a `config` error naming the hook and the provider. */
export function useFlowIQContext(hook: string): FlowIQContextValue {
  const value = useContext(FlowIQContext);
  if (!value) {
    throw new FlowIQError(
      "config",
      `${hook} must be used inside <FlowIQProvider>. Wrap the part of your app that shows FlowIQ contacts in <FlowIQProvider tenantId="…">.`,
    );
  }
  return value;
}
