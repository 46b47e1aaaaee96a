// Type-level tests: checked by `tsc` (npm run typecheck), never executed.
import type { QueryClient } from "@tanstack/react-query";
import { expectTypeOf } from "vitest";
import type { ContactBatchOptions, ContactBatchResponse, ContactBatchResult, FlowIQProviderProps } from "../../src/index.js";
import { createFlowIQClient, prefetchContacts, type ContactRouteHandlerOptions, type FlowIQClientConfig } from "../../src/server.js";

export function batchTypeChecks(queryClient: QueryClient) {
  // The client's batch (and the provider's shorthand): a switch, or the two settings.
  expectTypeOf<FlowIQClientConfig["batch"]>().toEqualTypeOf<boolean | ContactBatchOptions | undefined>();
  expectTypeOf<Extract<FlowIQProviderProps, { client?: never }>["batch"]>().toEqualTypeOf<boolean | ContactBatchOptions | undefined>();
  expectTypeOf<ContactBatchOptions>().toEqualTypeOf<{ maxSize?: number; windowMs?: number }>();
  // @ts-expect-error a misspelt setting is caught
  const misspelt: ContactBatchOptions = { size: 10 };

  // The handler's cap on a batch.
  expectTypeOf<ContactRouteHandlerOptions["maxBatchSize"]>().toEqualTypeOf<number | undefined>();

  // The wire format, for a proxy written by hand.
  expectTypeOf<ContactBatchResponse["version"]>().toEqualTypeOf<1>();
  expectTypeOf<ContactBatchResult["status"]>().toEqualTypeOf<number>();

  // prefetchContacts takes rows that may have no lookup, and resolves to nothing.
  expectTypeOf(prefetchContacts(queryClient, createFlowIQClient({ tenantId: "acme" }), [{ phoneNumber: "27825550101" }, null, undefined])).toEqualTypeOf<Promise<void>>();
  return misspelt;
}
