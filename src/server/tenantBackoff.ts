import type { FlowIQError } from "../core/FlowIQError.js";
import { KEY_PREFIX, type GuardedStore } from "./contactStore.js";

/** The longest hold a 429 can impose (a year-long `Retry-After` is an hour here), as the browser caps it too. */
export const MAX_RETRY_AFTER_MS = 3_600_000;
/** The hold after a 429 that gave no usable `Retry-After` (none, a date in the past, garbage). */
export const DEFAULT_BACKOFF_MS = 1000;

/** A `Retry-After` in ms made safe: a finite whole number of seconds, at least 1 s, at most an hour. */
export function holdMs(retryAfterMs: number | undefined): number {
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0) return DEFAULT_BACKOFF_MS;
  return Math.min(MAX_RETRY_AFTER_MS, Math.ceil(retryAfterMs / 1000) * 1000);
}

/**
 * One tenant's hold after an upstream 429: until it passes, no lookup of the
 * tenant goes upstream. Kept in this process and, with a store, in the store
 * (as the time it ends), so every instance holds back.
 */
export type TenantBackoff = {
  /** Milliseconds left in the hold, 0 when lookups may go upstream. */
  remainingMs(report: (error: FlowIQError) => void): Promise<number>;
  hold(retryAfterMs: number | undefined, report: (error: FlowIQError) => void): Promise<number>;
};

export function createTenantBackoff({ tenantKey, store }: { tenantKey: Promise<string>; store?: GuardedStore | undefined }): TenantBackoff {
  let localUntil = 0;
  const keyOf = async () => `${KEY_PREFIX}:${await tenantKey}:backoff`;

  return {
    async remainingMs(report) {
      const now = Date.now();
      if (localUntil > now) return localUntil - now;
      if (!store) return 0;
      const raw = await store.get(await keyOf(), report);
      const until = typeof raw === "string" || typeof raw === "number" ? Number(raw) : NaN;
      // Garbage, the past, or a hold longer than any 429 may impose is no hold (or the longest one).
      if (!Number.isFinite(until) || until <= now) return 0;
      const left = Math.min(until - now, MAX_RETRY_AFTER_MS);
      localUntil = now + left;
      return left;
    },
    async hold(retryAfterMs, report) {
      const ms = holdMs(retryAfterMs);
      const until = Date.now() + ms;
      if (until > localUntil) localUntil = until;
      if (store) await store.set(await keyOf(), String(until), ms, report);
      return ms;
    },
  };
}
