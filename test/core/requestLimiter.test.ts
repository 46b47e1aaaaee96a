import { getEventListeners } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { createRequestLimiter } from "../../src/core/requestLimiter.js";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("createRequestLimiter", () => {
  it("runs at most max tasks at once, first in first out", async () => {
    const limiter = createRequestLimiter(2);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      limiter.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await runs[1];
    await flush();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate) => gate.resolve());
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it("drops a queued task whose signal aborts, without running it", async () => {
    const limiter = createRequestLimiter(1);
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = limiter.run(async () => {
      ran = true;
    }, controller.signal);
    controller.abort();
    await expect(second).rejects.toMatchObject({ name: "AbortError" });
    gate.resolve();
    await first;
    expect(ran).toBe(false);
    // Its place in the queue is gone too: the next task runs in the freed slot at once.
    await expect(limiter.run(async () => "next")).resolves.toBe("next");
  });

  it("frees its slot when a task throws", async () => {
    const limiter = createRequestLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(
      limiter.run(() => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    await expect(limiter.run(async () => "ok")).resolves.toBe("ok");
  });

  it.each([undefined, 0, -3, Number.NaN])("runs six tasks at once when max is %s", async (max) => {
    const limiter = createRequestLimiter(max);
    const gate = deferred();
    let started = 0;
    const runs = Array.from({ length: 7 }, () =>
      limiter.run(async () => {
        started++;
        await gate.promise;
      }),
    );
    await flush();
    expect(started).toBe(6);
    gate.resolve();
    await Promise.all(runs);
    expect(started).toBe(7);
  });

  it("rejects at once, without running it, a task whose signal has already aborted", async () => {
    const limiter = createRequestLimiter(1);
    const controller = new AbortController();
    controller.abort(new Error("already gone"));
    const task = vi.fn(async () => "ran");
    await expect(limiter.run(task, controller.signal)).rejects.toThrow("already gone");
    await flush();
    expect(task).not.toHaveBeenCalled();
  });

  it("lets a task that has started settle it, whatever its signal does afterwards, and leaves no listener on the signal", async () => {
    const limiter = createRequestLimiter(1);
    const gate = deferred();
    const controller = new AbortController();
    let started = false;
    const run = limiter.run(async () => {
      started = true;
      await gate.promise;
      return "done";
    }, controller.signal);
    await vi.waitFor(() => expect(started).toBe(true));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    controller.abort();
    gate.resolve();
    await expect(run).resolves.toBe("done");
  });
});
