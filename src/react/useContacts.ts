"use client";
import { skipToken, useQueries, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import { contactQueryKey, lookupKey, type ContactQueryKey } from "../core/contactQuery.js";
import type { FlowIQError } from "../core/FlowIQError.js";
import type { Contact, ContactLookup } from "../core/types.js";
import { contactQueryOptions, type ContactQueryOverrides } from "./contactQueryOptions.js";
import { useFlowIQContext } from "./FlowIQContext.js";

type ContactResult = UseQueryResult<Contact | null, FlowIQError>;
type ContactQuery = UseQueryOptions<Contact | null, FlowIQError, Contact | null, ContactQueryKey>;

/** Not a plain object, so useQueries hands it on as it is instead of comparing it deeply with the last one. */
class ResultList {
  constructor(readonly results: ContactResult[]) {}
}

/**
 * useQueries' `combine`: the results in a wrapper it hands on as it is. useQueries
 * runs `combine` only when a result, the queries or `combine` itself changed, so
 * a new list each time is right; what the wrapper saves is useQueries' usual deep
 * comparison of the combined value with the last one, which read every prop of
 * every result on every update (it made a 500-row column quadratic). With
 * `notifyOnChangeProps: "all"` the results are the observers' own objects, which
 * keep their identity until they change.
 */
function combine(results: ContactResult[]): ResultList {
  return new ResultList(results);
}

/**
 * Reads many contacts at once: one result per lookup, in order, and one
 * request per distinct contact however each number is written. The returned
 * array keeps its identity until a result changes.
 * @example const results = useContacts(rows.map((row) => ({ phoneNumber: row.phone })));
 */
export function useContacts(
  lookups: ReadonlyArray<ContactLookup | null | undefined>,
  options?: ContactQueryOverrides<Contact | null>,
): ContactResult[] {
  const { client, queryClient } = useFlowIQContext("useContacts");
  // Rows without a lookup share one key, and so one disabled query.
  const rowKeys = lookups.map((lookup) => lookupKey(lookup));
  // Stands for the rows' values: a new array of equal lookups is no change.
  const signature = JSON.stringify(rowKeys);

  // One query per distinct contact (useQueries keeps an observer per entry and
  // warns about repeated keys), rebuilt only when the rows' contacts change:
  // a new queries array makes useQueries re-default and re-diff every entry.
  const queries = useMemo(() => {
    // "all": rows re-render on any change, as they did when the deep comparison read every prop.
    const merged: ContactQueryOverrides<Contact | null> = { notifyOnChangeProps: "all", ...options };
    const seen = new Set<string>();
    const out: ContactQuery[] = [];
    lookups.forEach((lookup, row) => {
      const key = rowKeys[row] as string;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(
        lookup
          ? contactQueryOptions(client, lookup, merged)
          : { ...merged, queryKey: contactQueryKey(client.tenantId, null), queryFn: skipToken },
      );
    });
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `signature` stands for `lookups` and `rowKeys`
  }, [signature, client, options]);

  const distinct = useQueries({ queries, combine }, queryClient).results;

  // Each row gets its contact's result; the array is new only when a result is.
  return useMemo(() => {
    const keys = JSON.parse(signature) as string[];
    const byKey = new Map<string, ContactResult>();
    for (const key of keys) {
      if (!byKey.has(key)) byKey.set(key, distinct[byKey.size] as ContactResult);
    }
    return keys.map((key) => byKey.get(key) as ContactResult);
  }, [distinct, signature]);
}
