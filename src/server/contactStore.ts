import { LRUCache } from "lru-cache";
import { FlowIQError } from "../core/FlowIQError.js";

/**
 * Anything Keyv-shaped: `new Keyv(new KeyvRedis(url))`, a Keyv over any other
 * adapter, or an object of your own with these three methods. Values are
 * strings the handler wrote; `ttlMs` is how long the store should keep them.
 * @example const store: ContactStore = new Keyv(new KeyvRedis(process.env.REDIS_URL));
 */
export type ContactStore = {
  get(key: string): unknown;
  set(key: string, value: string, ttlMs?: number): unknown;
  delete(key: string): unknown;
};

/** How long one store call may take before the handler goes on without it (a busy event loop needs some room). */
export const STORE_TIMEOUT_MS = 250;

/** After a failed store call, how long the handler works without the store before trying it again. */
const STORE_RETRY_MS = 1000;
/** How long a store may be slow, with no call answered, before it counts as down. */
const SLOW_FOR_MS = 1000;

/** The in-memory store a handler keeps when `cache` has no `store`: bounded, least recently used out first. */
export function createMemoryStore(max = 10_000): ContactStore {
  const lru = new LRUCache<string, string>({ max });
  return {
    get: (key) => lru.get(key),
    set: (key, value, ttlMs) => void lru.set(key, value, ttlMs ? { ttl: ttlMs } : {}),
    delete: (key) => lru.delete(key),
  };
}

/**
 * A store whose every call is time-boxed and can fail without failing a
 * lookup: a call that throws, rejects or is slow reads as a miss. A store
 * that fails, or answers no call for a second, is down: the handler works
 * without it for a second before trying again. An outage is reported once
 * (when it starts), not once per call.
 */
export type GuardedStore = {
  get(key: string, report: (error: FlowIQError) => void): Promise<unknown>;
  set(key: string, value: string, ttlMs: number, report: (error: FlowIQError) => void): Promise<boolean>;
  delete(key: string, report: (error: FlowIQError) => void): Promise<void>;
  /** Whether the last store call failed (and the store is being skipped for now). */
  readonly down: boolean;
};

export function guardStore(store: ContactStore, timeoutMs = STORE_TIMEOUT_MS): GuardedStore {
  let downUntil = 0;
  let down = false;
  let slowSince: number | undefined;

  async function call<T>(work: () => unknown, report: (error: FlowIQError) => void): Promise<{ ok: true; value: T } | { ok: false }> {
    if (down && Date.now() < downUntil) return { ok: false };
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const value = await Promise.race([
        Promise.resolve().then(work),
        new Promise<never>((_, reject) => {
          // One more turn of the event loop before giving up: on a busy loop, timers run before the
          // socket reads, so an answer that already arrived gets its chance first.
          timer = setTimeout(() => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), 0);
          }, timeoutMs);
        }),
      ]);
      down = false;
      slowSince = undefined;
      return { ok: true, value: value as T };
    } catch (cause) {
      const slow = cause instanceof Error && cause.message === `no answer within ${timeoutMs} ms`;
      // A slow call in a busy moment is that call's miss only; a store that answers nothing for a second is down.
      if (slow) {
        const now = performance.now();
        slowSince ??= now;
        if (now - slowSince < SLOW_FOR_MS) return { ok: false };
      }
      if (!down) {
        // Only the reason's kind, never the store's own message: it may hold a connection URL with a password.
        const why = slow ? `no answer within ${timeoutMs} ms` : "it failed";
        report(
          new FlowIQError("network", `The contact cache store is unavailable (${why}); lookups go on without it until it answers again.`),
        );
      }
      down = true;
      downUntil = Date.now() + STORE_RETRY_MS;
      return { ok: false };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async get(key, report) {
      const answer = await call<unknown>(() => store.get(key), report);
      return answer.ok ? answer.value : undefined;
    },
    async set(key, value, ttlMs, report) {
      return (await call(() => store.set(key, value, ttlMs), report)).ok;
    },
    async delete(key, report) {
      await call(() => store.delete(key), report);
    },
    get down() {
      return down;
    },
  };
}

/** A short, separator-free, fixed-length name for any text (a tenant, a caller id) inside a store key. */
export async function keyPart(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let binary = "";
  for (const byte of bytes.subarray(0, 16)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Every key this handler writes starts so; a later, incompatible layout gets a new version. */
export const KEY_PREFIX = "flowiq:v1";
