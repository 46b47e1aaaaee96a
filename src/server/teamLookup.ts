import type { LookupAnswer } from "../core/answerContactBatch.js";
import { isFlowIQError, type FlowIQError } from "../core/FlowIQError.js";
import type { NormalizedLookup } from "../core/types.js";
import { createCoalescer } from "./coalesce.js";
import { createContactCache, type CachedAnswer } from "./contactCache.js";
import { createMemoryStore, guardStore, keyPart, type ContactStore, type GuardedStore } from "./contactStore.js";
import { createColdStartLock } from "./coldStartLock.js";
import { notFoundBody } from "../core/contactBatchWire.js";
import { mapUpstreamError } from "./contactRouteResponses.js";
import type { ServerTiming } from "./serverTiming.js";
import { createTenantBackoff } from "./tenantBackoff.js";

/**
 * Keeps answers (found and not found, never errors) for `ttlMs`, in this
 * process or, with `store`, in a store every instance shares.
 * @example cache: { ttlMs: 60_000, store: new Keyv(new KeyvRedis(process.env.REDIS_URL)) }
 */
export type ContactCacheOptions = {
  /** How long an answer is kept, in milliseconds. */
  ttlMs: number;
  /** A Keyv-shaped store shared by every instance. @default a bounded in-memory LRU (10,000 contacts) per process */
  store?: ContactStore;
  /**
   * With a `store`: on a cold cache, one instance calls the API for a contact
   * while the others wait (up to about a second) for its answer in the store.
   * @default true
   */
  lock?: boolean;
};

/** The upstream call as the handler makes it for one request. */
export type Upstream = (lookup: NormalizedLookup, signal: AbortSignal) => Promise<LookupAnswer>;

type Flight = { answer: LookupAnswer; upstreamMs?: number; fromCache?: boolean };

const LOCK_WAIT_MAX_MS = 1500;

/** One lookup through what a team needs: the tenant's back-off, the cache, one call in flight per contact, the cold-start lock. */
export type TeamLookup = {
  readonly cacheOn: boolean;
  lookUp(
    lookup: NormalizedLookup,
    signal: AbortSignal,
    upstream: Upstream,
    timing: ServerTiming,
    report: (error: FlowIQError) => void,
  ): Promise<LookupAnswer>;
};

const found = (lookup: NormalizedLookup, cached: CachedAnswer): LookupAnswer =>
  cached.contact === null ? { status: 404, body: notFoundBody(lookup) } : { status: 200, body: { success: true, contact: cached.contact } };

function backedOff(retryAfterMs: number): LookupAnswer {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    status: 429,
    body: { error: "Too many requests", message: "The FlowIQ API is rate limiting this server; try again later." },
    headers: { "Retry-After": String(seconds) },
    retryAfterMs: seconds * 1000,
  };
}

export function createTeamLookup({
  tenantId,
  cache,
  timeoutMs,
}: {
  tenantId: string;
  cache?: ContactCacheOptions | undefined;
  timeoutMs: number;
}): TeamLookup & { store?: GuardedStore | undefined; tenantKey: Promise<string> } {
  const tenantKey = keyPart(`tenant:${tenantId}`);
  // Never an unhandled rejection before the first request awaits it (Web Crypto is always there on Node 20).
  tenantKey.catch(() => undefined);
  const shared = cache?.store ? guardStore(cache.store) : undefined;
  const store = cache ? (shared ?? guardStore(createMemoryStore())) : undefined;
  const answers = cache && store ? createContactCache({ tenantId, tenantKey, ttlMs: cache.ttlMs, store }) : undefined;
  const lock = shared && cache?.lock !== false ? createColdStartLock({ tenantKey, store: shared, lockMs: Math.min(timeoutMs, 10_000) }) : undefined;
  const backoff = createTenantBackoff({ tenantKey, store: shared });
  const flights = createCoalescer<Flight>();

  async function fly(lookup: NormalizedLookup, signal: AbortSignal, upstream: Upstream, report: (error: FlowIQError) => void): Promise<Flight> {
    if (answers) {
      // Again inside the flight: another flight may have written it since this request's own read.
      const cached = await answers.read(lookup, report);
      if (cached) return { answer: found(lookup, cached), fromCache: true };
    }
    const waitMs = await backoff.remainingMs(report);
    if (waitMs > 0) return { answer: backedOff(waitMs) };
    const mine = lock && answers ? await lock.acquire(lookup.digits, report) : false;
    if (lock && answers && !mine) {
      const cached = await lock.waitFor(lookup.digits, () => answers.read(lookup, report), Math.min(LOCK_WAIT_MAX_MS, timeoutMs / 2), signal, report);
      if (cached) return { answer: found(lookup, cached), fromCache: true };
    }
    const started = performance.now();
    try {
      const answer = await upstream(lookup, signal);
      const upstreamMs = performance.now() - started;
      if (answer.status === 429) {
        const held = await backoff.hold(answer.retryAfterMs, report);
        // With no usable Retry-After the tenant still holds back a second, but this answer says nothing it was not told.
        return { answer: answer.retryAfterMs === undefined ? answer : backedOff(held), upstreamMs };
      }
      // 200 and the API's "not found" (the only 404 the handler makes) are answers; every error is not.
      if (answers && (answer.status === 200 || answer.status === 404)) {
        const contact = "contact" in answer.body ? answer.body.contact : null;
        await answers.write(lookup, { contact }, report);
      }
      return { answer, upstreamMs };
    } finally {
      if (mine && lock) await lock.release(lookup.digits, report);
    }
  }

  return {
    cacheOn: answers !== undefined,
    store: shared,
    tenantKey,
    async lookUp(lookup, signal, upstream, timing, report) {
      if (answers) {
        const cached = await answers.read(lookup, report);
        if (cached) {
          timing.hit();
          return found(lookup, cached);
        }
      }
      let flight: Flight;
      try {
        flight = await flights.run(lookup.digits, signal, (own) => fly(lookup, own, upstream, report));
      } catch (reason) {
        // Only this request's own signal rejects here (the batch's deadline, or the visitor leaving):
        // answered as the upstream call itself would have been.
        timing.miss();
        if (!isFlowIQError(reason)) return { status: 502, body: { error: "Bad gateway", message: "The contact request was cancelled." } };
        report(reason);
        return { ...mapUpstreamError(reason), retryAfterMs: reason.retryAfterMs };
      }
      if (flight.fromCache) timing.hit();
      else timing.miss(flight.upstreamMs);
      // A not-found is worded for this request's own lookup (phone number or WhatsApp id).
      return flight.answer.status === 404 ? { ...flight.answer, body: notFoundBody(lookup) } : flight.answer;
    },
  };
}
