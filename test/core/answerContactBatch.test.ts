import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerContactBatch, type ContactBatchContext, type LookupAnswer } from "../../src/core/answerContactBatch.js";
import type { ContactBatchResponse } from "../../src/core/contactBatchWire.js";
import type { NormalizedLookup } from "../../src/core/types.js";
import { contactAt, digitsAt } from "./batchSupport.js";

const asked = (...numbers: number[]) => new URLSearchParams(numbers.map((n) => ["phone_number", digitsAt(n)]));
const found = (lookup: NormalizedLookup): LookupAnswer => ({
  status: 200,
  body: { success: true, contact: contactAt(Number(lookup.digits) - 27825550100) },
});
/** An upstream call that never answers by itself: when its signal aborts, it answers as the route would (a 504 with the reason). */
const untilAborted = (signal: AbortSignal) =>
  new Promise<LookupAnswer>((resolve) =>
    signal.addEventListener("abort", () =>
      resolve({ status: 504, body: { error: "Gateway timeout", message: String((signal.reason as Error).message) } }),
    ),
  );

function context(lookUp: ContactBatchContext["lookUp"], signal = new AbortController().signal, deadlineMs = 250): ContactBatchContext {
  return { maxBatchSize: 50, deadlineMs, signal, lookUp };
}

const resultsOf = async (answer: ReturnType<typeof answerContactBatch>) => ((await answer).body as ContactBatchResponse).results;

afterEach(() => {
  vi.useRealTimers();
});

describe("answerContactBatch's deadline", () => {
  it("aborts the contacts still waiting upstream at deadlineMs with a timeout naming it, and no contact that already answered", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const signals = new Map<string, AbortSignal>();
    const lookUp = vi.fn((lookup: NormalizedLookup, signal: AbortSignal) => {
      signals.set(lookup.digits, signal);
      return lookup.digits === digitsAt(1) ? Promise.resolve(found(lookup)) : untilAborted(signal);
    });
    const answer = answerContactBatch(asked(1, 2), context(lookUp));
    await vi.advanceTimersByTimeAsync(249);
    expect(signals.get(digitsAt(2))!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const results = await resultsOf(answer);
    expect(signals.get(digitsAt(2))!.reason).toMatchObject({
      name: "FlowIQError",
      code: "timeout",
      message: "The FlowIQ API did not answer this contact within the batch's 250 ms.",
    });
    expect(results.map((result) => result.status)).toEqual([200, 504]);
    expect(results[1]!.message).toBe("The FlowIQ API did not answer this contact within the batch's 250 ms.");
    // The contact that answered in time is never told to stop.
    expect(signals.get(digitsAt(1))!.aborted).toBe(false);
  });
});

describe("answerContactBatch and the visitor's request", () => {
  it("makes the upstream calls of a visitor who has already gone with aborted signals", async () => {
    const visitor = new AbortController();
    visitor.abort(new DOMException("visitor left", "AbortError"));
    const seen: AbortSignal[] = [];
    const lookUp = vi.fn((_lookup: NormalizedLookup, signal: AbortSignal) => {
      seen.push(signal);
      return signal.aborted ? Promise.resolve({ status: 499, body: { error: "Gone", message: "gone" } }) : untilAborted(signal);
    });
    const results = await resultsOf(answerContactBatch(asked(1, 2), context(lookUp, visitor.signal)));
    expect(seen.map((signal) => [signal.aborted, (signal.reason as Error | undefined)?.message])).toEqual([
      [true, "visitor left"],
      [true, "visitor left"],
    ]);
    expect(results.map((result) => result.status)).toEqual([499, 499]);
  });

  it("aborts the upstream calls when the visitor goes away mid-batch", async () => {
    const visitor = new AbortController();
    const answer = answerContactBatch(asked(1, 2), context((_lookup, signal) => untilAborted(signal), visitor.signal, 60_000));
    visitor.abort(new DOMException("visitor left", "AbortError"));
    const results = await resultsOf(answer);
    expect(results.map((result) => [result.status, result.message])).toEqual([
      [504, "visitor left"],
      [504, "visitor left"],
    ]);
  });

  it("leaves no listener on the visitor's signal and no timer behind once it has answered", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const visitor = new AbortController();
    const results = await resultsOf(answerContactBatch(asked(1), context(async (lookup) => found(lookup), visitor.signal)));
    expect(results[0]).toMatchObject({ status: 200, contact: contactAt(1) });
    expect(getEventListeners(visitor.signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("answerContactBatch's retryAfterMs", () => {
  it("passes a wait on with a 429 only, in whole seconds", async () => {
    const answers: Record<string, LookupAnswer> = {
      [digitsAt(1)]: { status: 429, body: { error: "Too many requests", message: "slow down" }, retryAfterMs: 1500 },
      [digitsAt(2)]: { status: 429, body: { error: "Too many requests", message: "slow down" } },
      [digitsAt(3)]: { ...found({ param: "phone_number", digits: digitsAt(3) }), retryAfterMs: 5000 },
      [digitsAt(4)]: { status: 503, body: { error: "Unavailable", message: "later" }, retryAfterMs: 5000 },
    };
    const results = await resultsOf(answerContactBatch(asked(1, 2, 3, 4), context(async (lookup) => answers[lookup.digits]!)));
    expect(results[0]!.retryAfterMs).toBe(2000);
    for (const result of results.slice(1)) expect(result).not.toHaveProperty("retryAfterMs");
  });
});
