import { describe, expect, it } from "vitest";
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
});
