// @vitest-environment node
// The team proxy's parts on their own, where the handler cannot show them or only by waiting real
// seconds: the guarded store's time box and outage window, the cold-start lock, the coalescer and the
// tenant's back-off. Fake timers throughout (Date, performance and setTimeout move together).
import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FlowIQError } from "../../src/core/FlowIQError.js";
import { createCoalescer } from "../../src/server/coalesce.js";
import { createColdStartLock } from "../../src/server/coldStartLock.js";
import { createMemoryStore, guardStore, STORE_TIMEOUT_MS, type ContactStore } from "../../src/server/contactStore.js";
import { createTenantBackoff, DEFAULT_BACKOFF_MS, holdMs } from "../../src/server/tenantBackoff.js";

const DIGITS = "27825550100";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Whether a promise has settled yet (its value or reason kept for later). */
function watch<T>(promise: Promise<T>) {
  const state = { settled: false, value: undefined as T | undefined };
  promise.then(
    (value) => {
      state.settled = true;
      state.value = value;
    },
    () => {
      state.settled = true;
    },
  );
  return state;
}

/** How long an unanswered store call takes to give up: its time box, then one more turn of the event loop (a 1 ms timer). */
const BOX_MS = STORE_TIMEOUT_MS + 1;

/** A store whose every call never answers. */
const silent: ContactStore = { get: () => new Promise(() => {}), set: () => new Promise(() => {}), delete: () => new Promise(() => {}) };

describe("guardStore", () => {
  it("treats one slow call as that call's miss only: nothing reported, the store still used", async () => {
    let calls = 0;
    const store: ContactStore = { ...silent, get: () => (++calls === 1 ? new Promise(() => {}) : "value") };
    const report = vi.fn<(error: FlowIQError) => void>();
    const guarded = guardStore(store);
    const slow = guarded.get("k", report);
    await vi.advanceTimersByTimeAsync(BOX_MS);
    expect(await slow).toBeUndefined();
    expect(guarded.down).toBe(false);
    expect(await guarded.get("k", report)).toBe("value");
    expect(calls).toBe(2);
    expect(report).not.toHaveBeenCalled();
  });

  it("counts one slow write as not stored (so a cold-start lock is not taken for held), nothing reported", async () => {
    const guarded = guardStore(silent);
    const report = vi.fn<(error: FlowIQError) => void>();
    const slow = guarded.set("k", "v", 1000, report);
    await vi.advanceTimersByTimeAsync(BOX_MS);
    expect(await slow).toBe(false);
    expect(guarded.down).toBe(false);
    expect(report).not.toHaveBeenCalled();
  });

  it("counts a store that answers nothing for a second as down: reported once, then skipped", async () => {
    let calls = 0;
    const store: ContactStore = {
      ...silent,
      get: () => {
        calls += 1;
        return new Promise(() => {});
      },
    };
    const report = vi.fn<(error: FlowIQError) => void>();
    const guarded = guardStore(store);
    const unanswered = async () => {
      const call = guarded.get("k", report);
      await vi.advanceTimersByTimeAsync(BOX_MS);
      expect(await call).toBeUndefined();
    };
    // The silence is counted from the end of the first unanswered call.
    await unanswered();
    await unanswered();
    await unanswered();
    await vi.advanceTimersByTimeAsync(1000 - 3 * BOX_MS);
    // Just under a second of silence: each call was only its own miss.
    expect(report).not.toHaveBeenCalled();
    expect(guarded.down).toBe(false);
    await unanswered();
    // A full second: down, and said so once, with the reason's kind.
    expect(guarded.down).toBe(true);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]?.[0].code).toBe("network");
    expect(report.mock.calls[0]?.[0].message).toContain(`no answer within ${STORE_TIMEOUT_MS} ms`);
    // Skipped while down: answered at once, without asking the store.
    expect(await guarded.get("k", report)).toBeUndefined();
    expect(calls).toBe(4);
    expect(report).toHaveBeenCalledTimes(1);
  });

  it("skips a store that failed for exactly a second, then tries it again, reporting the outage once", async () => {
    let calls = 0;
    let broken = true;
    const store: ContactStore = {
      ...silent,
      get: () => {
        calls += 1;
        if (broken) throw new Error("ECONNREFUSED");
        return "value";
      },
    };
    const report = vi.fn<(error: FlowIQError) => void>();
    const guarded = guardStore(store);
    expect(await guarded.get("k", report)).toBeUndefined();
    expect(guarded.down).toBe(true);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]?.[0].code).toBe("network");
    expect(report.mock.calls[0]?.[0].message).toContain("it failed");
    expect(report.mock.calls[0]?.[0].message).not.toContain("ECONNREFUSED");
    await guarded.get("k", report);
    await vi.advanceTimersByTimeAsync(999);
    await guarded.get("k", report);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    // Tried again after a second, still failing: no second report.
    await guarded.get("k", report);
    expect(calls).toBe(2);
    expect(report).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    broken = false;
    expect(await guarded.get("k", report)).toBe("value");
    expect(guarded.down).toBe(false);
  });

  it("is back in use as soon as a call begun before the failure answers", async () => {
    let calls = 0;
    const store: ContactStore = {
      ...silent,
      get: (key) => {
        calls += 1;
        if (key === "slow") return new Promise((resolve) => setTimeout(() => resolve("late"), 100));
        if (key === "fails") throw new Error("blip");
        return "value";
      },
    };
    const guarded = guardStore(store);
    const slow = guarded.get("slow", () => undefined);
    await guarded.get("fails", () => undefined);
    expect(guarded.down).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(await slow).toBe("late");
    expect(guarded.down).toBe(false);
    expect(await guarded.get("k", () => undefined)).toBe("value");
    expect(calls).toBe(3);
  });

  it("leaves no timer running once the store has answered", async () => {
    const map = new Map<string, string>();
    const guarded = guardStore({ get: (key) => map.get(key), set: (key, value) => map.set(key, value), delete: (key) => map.delete(key) });
    await guarded.set("k", "v", 1000, () => undefined);
    expect(await guarded.get("k", () => undefined)).toBe("v");
    await guarded.delete("k", () => undefined);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("createColdStartLock", () => {
  const tenantKey = Promise.resolve("tenant");
  const report = () => undefined;
  /** Two instances' locks over one store, and an acquire that waits out the lock's settle pause. */
  function instances(store: ContactStore = createMemoryStore()) {
    const shared = guardStore(store);
    const lock = () => createColdStartLock({ tenantKey, store: shared, lockMs: 60_000 });
    return { shared, lock };
  }
  async function acquire(lock: ReturnType<typeof createColdStartLock>) {
    const taken = lock.acquire(DIGITS, report);
    await vi.advanceTimersByTimeAsync(20);
    return taken;
  }
  /** A store that answers `null`, not `undefined`, for a key it does not hold (some adapters do). */
  function nullStore(): ContactStore {
    const memory = createMemoryStore();
    return { ...memory, get: (key) => memory.get(key) ?? null };
  }

  it("lets one of two instances that ask at the same instant call upstream", async () => {
    const { lock } = instances();
    const both = Promise.all([lock().acquire(DIGITS, report), lock().acquire(DIGITS, report)]);
    await vi.advanceTimersByTimeAsync(20);
    expect((await both).filter(Boolean)).toHaveLength(1);
  });

  it.each([
    ["a store that answers undefined for a missing key", () => createMemoryStore()],
    ["a store that answers null for a missing key", nullStore],
  ])("with %s: one holder, freed only by its own release", async (_name, store) => {
    const { lock } = instances(store());
    const [first, second, third] = [lock(), lock(), lock()];
    expect(await acquire(first)).toBe(true);
    expect(await acquire(second)).toBe(false);
    // Another instance's release leaves the holder's lock alone.
    await second.release(DIGITS, report);
    expect(await acquire(third)).toBe(false);
    await first.release(DIGITS, report);
    expect(await acquire(third)).toBe(true);
  });

  it("never makes an instance wait for a lock of its own that a lost release left behind", async () => {
    const { lock } = instances({ ...createMemoryStore(), delete: () => undefined });
    const mine = lock();
    expect(await acquire(mine)).toBe(true);
    await mine.release(DIGITS, report);
    expect(await acquire(mine)).toBe(true);
  });

  it.each([
    ["undefined", () => createMemoryStore()],
    ["null", nullStore],
  ])("says go ahead when the store lost the lock it just wrote (reading back %s)", async (_name, store) => {
    const { lock } = instances({ ...store(), set: () => undefined });
    expect(await acquire(lock())).toBe(true);
  });

  it.each([
    ["fails every call", { get: () => Promise.reject(new Error("down")), set: () => Promise.reject(new Error("down")), delete: () => undefined }],
    ["refuses every write", { ...createMemoryStore(), set: () => Promise.reject(new Error("read-only")) }],
  ])("says go ahead at once, with no settle pause, when the store %s", async (_name, store: ContactStore) => {
    const { lock } = instances(store);
    const taken = watch(lock().acquire(DIGITS, report));
    await vi.advanceTimersByTimeAsync(0);
    expect(taken).toEqual({ settled: true, value: true });
  });

  describe("waitFor", () => {
    it("gives up once maxMs has passed while the lock is held and no answer came", async () => {
      const { lock } = instances();
      expect(await acquire(lock())).toBe(true);
      const read = vi.fn(() => Promise.resolve(undefined));
      const waiting = watch(lock().waitFor(DIGITS, read, 100, new AbortController().signal, report));
      await vi.advanceTimersByTimeAsync(99);
      expect(waiting.settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(waiting).toEqual({ settled: true, value: undefined });
      expect(read).toHaveBeenCalledTimes(4);
    });

    it("hands back the answer as soon as it is in, the lock still held", async () => {
      const { lock } = instances();
      expect(await acquire(lock())).toBe(true);
      const cache: { answer?: string } = {};
      const waiting = watch(lock().waitFor(DIGITS, () => Promise.resolve(cache.answer), 1000, new AbortController().signal, report));
      await vi.advanceTimersByTimeAsync(30);
      cache.answer = "the holder's answer";
      await vi.advanceTimersByTimeAsync(25);
      expect(waiting).toEqual({ settled: true, value: "the holder's answer" });
    });

    it.each([
      ["undefined", () => createMemoryStore()],
      ["null", nullStore],
    ])("stops at the next look once the holder lets go with no answer (a store answering %s)", async (_name, store) => {
      const { lock } = instances(store());
      const holder = lock();
      expect(await acquire(holder)).toBe(true);
      const waiting = watch(lock().waitFor(DIGITS, () => Promise.resolve(undefined), 1000, new AbortController().signal, report));
      await vi.advanceTimersByTimeAsync(30);
      expect(waiting.settled).toBe(false);
      await holder.release(DIGITS, report);
      await vi.advanceTimersByTimeAsync(25);
      expect(waiting).toEqual({ settled: true, value: undefined });
    });

    it("stops at once when its signal aborts, and leaves no listener on a signal it polled with", async () => {
      const { lock } = instances();
      expect(await acquire(lock())).toBe(true);
      const kept = new AbortController();
      await Promise.all([lock().waitFor(DIGITS, () => Promise.resolve(undefined), 100, kept.signal, report), vi.advanceTimersByTimeAsync(100)]);
      expect(getEventListeners(kept.signal, "abort")).toHaveLength(0);
      const leaving = new AbortController();
      const waiting = watch(lock().waitFor(DIGITS, () => Promise.resolve(undefined), 1000, leaving.signal, report));
      await vi.advanceTimersByTimeAsync(10);
      leaving.abort();
      await vi.advanceTimersByTimeAsync(0);
      expect(waiting).toEqual({ settled: true, value: undefined });
    });

    it("does not wait at all on a store that is down", async () => {
      const { shared, lock } = instances({ ...silent, get: () => Promise.reject(new Error("down")) });
      await shared.get("any", report);
      expect(shared.down).toBe(true);
      const waiting = watch(lock().waitFor(DIGITS, () => Promise.resolve(undefined), 1000, new AbortController().signal, report));
      await vi.advanceTimersByTimeAsync(0);
      expect(waiting).toEqual({ settled: true, value: undefined });
    });
  });
});

describe("createCoalescer", () => {
  it("turns away a caller whose signal has already aborted, and cancels the work nobody waits for", async () => {
    const flights = createCoalescer<string>();
    const reason = new Error("gone");
    let seen: AbortSignal | undefined;
    const work = vi.fn((signal: AbortSignal) => {
      seen = signal;
      return Promise.resolve("answer");
    });
    await expect(flights.run("k", AbortSignal.abort(reason), work)).rejects.toBe(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen?.aborted ?? true).toBe(true);
  });

  it("rejects every caller with the work's own failure, and keeps nothing in flight after", async () => {
    const flights = createCoalescer<string>();
    const failure = new Error("upstream broke");
    let fail!: (error: Error) => void;
    const work = vi.fn(() => new Promise<string>((_, reject) => (fail = reject)));
    const first = flights.run("k", new AbortController().signal, work);
    const second = flights.run("k", new AbortController().signal, work);
    first.catch(() => undefined);
    second.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(flights.size).toBe(1);
    fail(failure);
    await expect(first).rejects.toBe(failure);
    await expect(second).rejects.toBe(failure);
    expect(work).toHaveBeenCalledTimes(1);
    expect(flights.size).toBe(0);
  });

  it("starts the work again for a caller who comes after everyone left, while the cancelled work is still settling", async () => {
    const flights = createCoalescer<string>();
    // Like an upstream call: once cancelled it still takes a moment to settle, with an answer nobody asked for.
    const work = vi.fn(
      (signal: AbortSignal) =>
        new Promise<string>((resolve) => {
          signal.addEventListener("abort", () => setTimeout(() => resolve("cancelled"), 10));
          setTimeout(() => resolve("answer"), 50);
        }),
    );
    const leaving = new AbortController();
    const first = flights.run("k", leaving.signal, work);
    first.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    leaving.abort(new Error("visitor left"));
    const second = flights.run("k", new AbortController().signal, work);
    await vi.advanceTimersByTimeAsync(50);
    expect(await second).toBe("answer");
    expect(work).toHaveBeenCalledTimes(2);
    await expect(first).rejects.toThrow("visitor left");
    expect(flights.size).toBe(0);
  });

  it("leaves no listener on a caller's signal once its answer is in", async () => {
    const flights = createCoalescer<number>();
    const signal = new AbortController().signal;
    for (let i = 0; i < 20; i++) expect(await flights.run(`k${i}`, signal, () => Promise.resolve(i))).toBe(i);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });
});

describe("createTenantBackoff", () => {
  it("holds a second after a 429 with no usable Retry-After, whole seconds otherwise, an hour at most", () => {
    for (const unusable of [undefined, 0, -5000, Number.NaN, Number.POSITIVE_INFINITY]) expect(holdMs(unusable)).toBe(DEFAULT_BACKOFF_MS);
    expect(holdMs(1)).toBe(1000);
    expect(holdMs(1500)).toBe(2000);
    expect(holdMs(365 * 24 * 3_600_000)).toBe(3_600_000);
  });

  it("never lets a shorter 429 cut a longer hold short", async () => {
    const backoff = createTenantBackoff({ tenantKey: Promise.resolve("tenant") });
    await backoff.hold(30_000, () => undefined);
    await backoff.hold(1000, () => undefined);
    expect(await backoff.remainingMs(() => undefined)).toBe(30_000);
  });

  it("reads the store once its own hold has ended, so a longer hold set by another instance still counts", async () => {
    const store = guardStore(createMemoryStore());
    const here = createTenantBackoff({ tenantKey: Promise.resolve("tenant"), store });
    const there = createTenantBackoff({ tenantKey: Promise.resolve("tenant"), store });
    await here.hold(1000, () => undefined);
    await there.hold(5000, () => undefined);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await here.remainingMs(() => undefined)).toBe(4000);
  });
});
