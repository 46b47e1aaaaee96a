// Type-level tests: checked by `tsc` (npm run typecheck), never executed.
import { useQueries, useQuery, useSuspenseQuery, type UseQueryResult } from "@tanstack/react-query";
import { expectTypeOf } from "vitest";
import {
  contactKeys,
  contactQueryOptions,
  createFlowIQClient,
  useFlowIQClient,
  type FlowIQClient,
  type FlowIQProviderProps,
  useContact,
  useContacts,
  useSuspenseContact,
  type Contact,
  type ContactLookup,
  type FlowIQError,
} from "../../src/index.js";

declare const lookup: ContactLookup;
const config = createFlowIQClient({ tenantId: "acme", baseUrl: "/api/flowiq" });

export function useTypeChecks() {
  // useContact: data is Contact | null (null = not found), error is FlowIQError.
  const contact = useContact(lookup);
  expectTypeOf(contact.data).toEqualTypeOf<Contact | null | undefined>();
  expectTypeOf(contact.error).toEqualTypeOf<FlowIQError | null>();

  // select narrows data.
  const name = useContact(lookup, { select: (c) => c?.full_name ?? "" });
  expectTypeOf(name.data).toEqualTypeOf<string | undefined>();

  // A null lookup is allowed (no request).
  expectTypeOf(useContact(null).data).toEqualTypeOf<Contact | null | undefined>();

  // Suspense data is never undefined.
  expectTypeOf(useSuspenseContact(lookup).data).toEqualTypeOf<Contact | null>();

  expectTypeOf(useContacts([lookup, null])).toEqualTypeOf<Array<UseQueryResult<Contact | null, FlowIQError>>>();

  // contactQueryOptions fits the plain react-query hooks and tags the key with the data type.
  expectTypeOf(useQuery(contactQueryOptions(config, lookup)).data).toEqualTypeOf<Contact | null | undefined>();
  expectTypeOf(useSuspenseQuery(contactQueryOptions(config, lookup)).data).toEqualTypeOf<Contact | null>();
  expectTypeOf(useQueries({ queries: [contactQueryOptions(config, lookup)] })[0].data).toEqualTypeOf<
    Contact | null | undefined
  >();
  expectTypeOf(contactKeys.all).toEqualTypeOf<readonly ["flowiq", "contact"]>();

  // The client: from useFlowIQClient, and into the provider; a provider takes a client or settings, never both.
  expectTypeOf(useFlowIQClient()).toEqualTypeOf<FlowIQClient>();
  const given: FlowIQProviderProps[] = [{ client: config }, { tenantId: "acme", baseUrl: "/api/flowiq", batch: false }];
  // @ts-expect-error settings belong to the client when a client is given
  const both: FlowIQProviderProps = { client: config, tenantId: "acme" };
  // @ts-expect-error contactQueryOptions takes a client, not a plain config
  contactQueryOptions({ tenantId: "acme" }, lookup);

  // @ts-expect-error a lookup needs phoneNumber or whatsappId
  useContact({ email: "a@b.c" });
  return [given, both];
}
