"use client";
import { skipToken, useQueries, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import { useMemo, useState } from "react";
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
 * A `combine` that keeps the array while no result changed. With
 * `notifyOnChangeProps: "all"` useQueries hands it the observers' own result
 * objects, which keep their identity until they change, so this is a pass of
 * `===` checks instead of useQueries' usual deep comparison of every result
 * on every update (which made a 500-row column quadratic).
 */
function createStableCombine() {
  let previous = new ResultList([]);
  return (results: ContactResult[]): ResultList => {
    const before = previous.results;
    if (results.length !== before.length || results.some((result, index) => result !== before[index])) {
      previous = new ResultList(results.slice());
    }
    return previous;
  };
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

  const [combine] = useState(createStableCombine);
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
