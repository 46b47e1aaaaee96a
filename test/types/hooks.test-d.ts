// Type-level tests: checked by `tsc` (npm run typecheck), never executed.
import { useQueries, useQuery, useSuspenseQuery, type UseQueryResult } from "@tanstack/react-query";
import { expectTypeOf } from "vitest";
import {
  contactKeys,
  contactQueryOptions,
  useContact,
  useContacts,
  useSuspenseContact,
  type Contact,
  type ContactLookup,
  type FlowIQError,
} from "../../src/index.js";

declare const lookup: ContactLookup;
const config = { tenantId: "acme" };

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

  // @ts-expect-error a lookup needs phoneNumber or whatsappId
  useContact({ email: "a@b.c" });
}
