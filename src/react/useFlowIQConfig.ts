"use client";
import type { FlowIQConfig } from "../core/types.js";
import { useFlowIQContext } from "./FlowIQContext.js";

/** The nearest `<FlowIQProvider>`'s config; throws `FlowIQError` code `config` outside one. */
export function useFlowIQConfig(): FlowIQConfig {
  return useFlowIQContext("useFlowIQConfig").config;
}
