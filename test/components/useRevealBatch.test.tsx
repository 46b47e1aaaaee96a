// useRevealBatch alone, on a fake clock: when an answer shows at once, when it waits for the end
// of the window, and how a window whose timer is late or whose clock went back is handled. The
// module keeps its window in module state, so each test loads it afresh.
import { act, renderHook } from "@testing-library/react";
import type { useRevealBatch as UseRevealBatch } from "../../src/components/ContactCard/useRevealBatch.js";

let useRevealBatch: typeof UseRevealBatch;
const T0 = 1_000_000;

beforeEach(async () => {
  vi.resetModules();
  ({ useRevealBatch } = await import("../../src/components/ContactCard/useRevealBatch.js"));
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

/** One card's hook: `answer` is its contact arriving, `reload` a new lookup starting; `renders` counts its renders. */
function card() {
  let renders = 0;
  const hook = renderHook(
    ({ ready }: { ready: boolean }) => {
      renders++;
      return useRevealBatch(ready);
    },
    { initialProps: { ready: false } },
  );
  return {
    shown: () => hook.result.current,
    answer: () => hook.rerender({ ready: true }),
    reload: () => hook.rerender({ ready: false }),
    renders: () => renders,
  };
}
const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));
/** The clock jumps (a busy machine, a timer that is late); timers keep their own schedule. */
const jumpTo = (time: number) => vi.setSystemTime(time);

describe("useRevealBatch", () => {
  it("shows an answer at once when the last one was shown a full window ago", () => {
    const [a, b] = [card(), card()];
    a.answer();
    expect(a.shown()).toBe(true);
    advance(100);
    b.answer();
    expect(b.shown()).toBe(true);
  });

  it("holds an answer that comes inside the window until the window's end", () => {
    const [a, b] = [card(), card()];
    a.answer();
    advance(10);
    b.answer();
    expect(b.shown()).toBe(false);
    advance(0);
    expect(b.shown()).toBe(false);
    advance(89);
    expect(b.shown()).toBe(false);
    advance(1);
    expect(b.shown()).toBe(true);
  });

  it("joins an answer that comes while a late flush is pending to that flush", () => {
    const [a, b, c] = [card(), card(), card()];
    a.answer();
    advance(10);
    b.answer();
    // The window's end (T0 + 100) has passed, but its timer has not run yet.
    jumpTo(T0 + 150);
    c.answer();
    expect([b.shown(), c.shown()]).toEqual([false, false]);
    advance(0);
    expect([b.shown(), c.shown()]).toEqual([false, false]);
    advance(90);
    expect([b.shown(), c.shown()]).toEqual([true, true]);
  });

  it("counts a flush as lost only once it is more than a window overdue", () => {
    const [a, b, c, d] = [card(), card(), card(), card()];
    a.answer();
    advance(10);
    b.answer();
    // Exactly a window after the flush was due: still waiting for its timer.
    jumpTo(T0 + 200);
    c.answer();
    expect([b.shown(), c.shown()]).toEqual([false, false]);
    // A millisecond later it is lost: what waited shows at once.
    jumpTo(T0 + 201);
    d.answer();
    expect([b.shown(), c.shown()]).toEqual([true, true]);
  });

  it("shows what waited at once when the clock went back past the window", () => {
    const [a, b, c] = [card(), card(), card()];
    a.answer();
    advance(10);
    b.answer();
    expect(b.shown()).toBe(false);
    jumpTo(T0 - 1000);
    c.answer();
    expect(b.shown()).toBe(true);
  });

  it("does not draw a card again for an answer it no longer shows (a new lookup began while it waited)", () => {
    const [a, b, c] = [card(), card(), card()];
    a.answer();
    advance(10);
    b.answer();
    c.answer();
    b.reload();
    const before = b.renders();
    advance(100);
    expect(c.shown()).toBe(true);
    expect(b.shown()).toBe(false);
    expect(b.renders()).toBe(before);
  });

  it("reveals a new lookup's answer anew: inside the window, it waits like any other", () => {
    const a = card();
    a.answer();
    expect(a.shown()).toBe(true);
    a.reload();
    expect(a.shown()).toBe(false);
    advance(50);
    a.answer();
    expect(a.shown()).toBe(false);
    advance(50);
    expect(a.shown()).toBe(true);
  });
});
