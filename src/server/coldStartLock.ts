import type { FlowIQError } from "../core/FlowIQError.js";
import { KEY_PREFIX, type GuardedStore } from "./contactStore.js";

/** Between writing the lock and reading it back: long enough for a rival's write to land first. */
const SETTLE_MS = 15;
const POLL_MS = 25;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

/**
 * A short lock per contact in the shared store, so that on a cold cache
 * several instances asked for one contact make one upstream call between
 * them: one takes the lock and calls, the others wait for its answer in the
 * cache. Keyv has no set-if-absent, so the lock is write-then-read-back: the
 * last writer holds it, and each writer reads back after a short pause.
 * Whoever cannot tell, or waits too long, calls upstream itself.
 */
export type ColdStartLock = {
  /** Whether this instance should call upstream (it holds the lock, or the store cannot say). */
  acquire(digits: string, report: (error: FlowIQError) => void): Promise<boolean>;
  release(digits: string, report: (error: FlowIQError) => void): Promise<void>;
  /** Polls `read` until it answers, the lock goes away, the signal aborts or `maxMs` passes. */
  waitFor<T>(digits: string, read: () => Promise<T | undefined>, maxMs: number, signal: AbortSignal, report: (error: FlowIQError) => void): Promise<T | undefined>;
};

export function createColdStartLock({ tenantKey, store, lockMs }: { tenantKey: Promise<string>; store: GuardedStore; lockMs: number }): ColdStartLock {
  const token = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}`;
  const keyOf = async (digits: string) => `${KEY_PREFIX}:${await tenantKey}:lock:${digits}`;

  return {
    async acquire(digits, report) {
      const key = await keyOf(digits);
      const holder = await store.get(key, report);
      if (holder !== undefined && holder !== null && holder !== token) return false;
      if (!(await store.set(key, token, lockMs, report))) return true;
      await sleep(SETTLE_MS, new AbortController().signal);
      const after = await store.get(key, report);
      // Another instance's token means it wrote last and calls; nothing at all means the store lost it.
      return after === token || after === undefined || after === null || store.down;
    },
    async release(digits, report) {
      const key = await keyOf(digits);
      if ((await store.get(key, report)) === token) await store.delete(key, report);
    },
    async waitFor(digits, read, maxMs, signal, report) {
      const key = await keyOf(digits);
      const until = Date.now() + maxMs;
      while (Date.now() < until && !signal.aborted && !store.down) {
        await sleep(POLL_MS, signal);
        const value = await read();
        if (value !== undefined) return value;
        const holder = await store.get(key, report);
        if (holder === undefined || holder === null) return read();
      }
      return undefined;
    },
  };
}
