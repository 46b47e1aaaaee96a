import { LRUCache } from "lru-cache";
import type { FlowIQError } from "../core/FlowIQError.js";
import { KEY_PREFIX, keyPart, type GuardedStore } from "./contactStore.js";

/**
 * A budget per caller: at most `lookups` contacts asked for per `perMs`
 * (a batch of 50 counts 50), so one signed-in user cannot spend the whole
 * company's rate limit.
 * @example callerLimit: { lookups: 600, perMs: 60_000, callerId: (request) => sessionUserId(request) }
 */
export type CallerLimitOptions = {
  /** Contacts one caller may ask for in each window. */
  lookups: number;
  /** The window's length in milliseconds. */
  perMs: number;
  /**
   * Who is asking, usually the user id from your session. Any string works
   * (it is hashed before use); a throw or a non-string puts the request in one
   * shared "unknown caller" budget.
   */
  callerId: (request: Request) => string | Promise<string>;
};

export type CallerLimit = {
  /** Takes `count` from the caller's budget: `0` when allowed, else the ms until the window ends. */
  take(request: Request, count: number, report: (error: FlowIQError) => void): Promise<number>;
};

async function callerOf(callerId: CallerLimitOptions["callerId"], request: Request): Promise<string> {
  try {
    const id = await callerId(request);
    return typeof id === "string" ? `caller:${id}` : "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * Fixed windows counted in this process and, with a store, in the store. The
 * store has no atomic increment (Keyv's interface is get and set), so two
 * instances counting one caller at the same instant may each let a request
 * through; this process's own count is exact.
 */
export function createCallerLimit(
  { lookups, perMs, callerId }: CallerLimitOptions,
  { tenantKey, store }: { tenantKey: Promise<string>; store?: GuardedStore | undefined },
): CallerLimit {
  const local = new LRUCache<string, number>({ max: 50_000 });
  return {
    async take(request, count, report) {
      const caller = await keyPart(await callerOf(callerId, request));
      const now = Date.now();
      const window = Math.floor(now / perMs);
      const left = (window + 1) * perMs - now;
      const key = `${KEY_PREFIX}:${await tenantKey}:caller:${caller}:${window}`;
      // Counted here before any await, so this process's concurrent requests never both pass.
      const used = local.get(key) ?? 0;
      if (used + count > lookups) return left;
      local.set(key, used + count, { ttl: left });
      if (!store) return 0;
      const raw = await store.get(key, report);
      const shared = typeof raw === "string" || typeof raw === "number" ? Number(raw) : 0;
      const before = Number.isSafeInteger(shared) && shared > used ? shared : used;
      if (before + count > lookups) {
        local.set(key, Math.max(0, (local.get(key) ?? count) - count), { ttl: left });
        return left;
      }
      await store.set(key, String(before + count), left, report);
      return 0;
    },
  };
}
