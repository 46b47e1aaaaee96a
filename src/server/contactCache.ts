import type { FlowIQError } from "../core/FlowIQError.js";
import { parseContact } from "../core/parseContact.js";
import type { Contact, NormalizedLookup } from "../core/types.js";
import { KEY_PREFIX, type GuardedStore } from "./contactStore.js";

/** What the cache keeps for one contact: the contact, or `null` for the API's "not found". */
export type CachedAnswer = { contact: Contact | null };

type Entry = { v: 1; t: string; d: string; c: unknown };

/**
 * Answers kept per tenant and digits for `ttlMs`. An entry names its tenant
 * and digits, and is read back through the library's own `parseContact`: a
 * value that is not this handler's (corrupt, foreign, another tenant's) is a
 * miss, never an answer and never a crash.
 */
export type ContactCache = {
  read(lookup: NormalizedLookup, report: (error: FlowIQError) => void): Promise<CachedAnswer | undefined>;
  write(lookup: NormalizedLookup, answer: CachedAnswer, report: (error: FlowIQError) => void): Promise<void>;
};

export function createContactCache({
  tenantId,
  tenantKey,
  ttlMs,
  store,
}: {
  tenantId: string;
  /** The tenant's hashed key part, shared with the other store users. */
  tenantKey: Promise<string>;
  ttlMs: number;
  store: GuardedStore;
}): ContactCache {
  const keyOf = async (digits: string) => `${KEY_PREFIX}:${await tenantKey}:contact:${digits}`;

  return {
    async read(lookup, report) {
      const raw = await store.get(await keyOf(lookup.digits), report);
      return readEntry(raw, tenantId, lookup.digits);
    },
    async write(lookup, answer, report) {
      const entry: Entry = { v: 1, t: tenantId, d: lookup.digits, c: answer.contact };
      await store.set(await keyOf(lookup.digits), JSON.stringify(entry), ttlMs, report);
    },
  };
}

/** A stored value back to an answer, or `undefined` (a miss) for anything this handler did not write for this contact. */
export function readEntry(raw: unknown, tenantId: string, digits: string): CachedAnswer | undefined {
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== "object" || value === null) return undefined;
  try {
    // A store may hand back any object, getters that throw included.
    const entry = value as Partial<Entry>;
    if (entry.v !== 1 || entry.t !== tenantId || entry.d !== digits) return undefined;
    if (entry.c === null) return { contact: null };
    return { contact: parseContact(entry.c) };
  } catch {
    return undefined;
  }
}
