import { vi } from "vitest";
import type { ContactBatchResult } from "../../src/core/contactBatchWire.js";
import type { Contact, NormalizedLookup } from "../../src/core/types.js";
import { buildContact } from "../../src/msw/buildContact.js";

/** The n-th test number: 11 digits, distinct for every n. */
export const digitsAt = (n: number) => String(27825550100 + n);
export const lookupAt = (n: number, param: NormalizedLookup["param"] = "phone_number"): NormalizedLookup => ({
  param,
  digits: digitsAt(n),
});
export const contactAt = (n: number): Contact =>
  buildContact({ id: `c-${n}`, full_name: `Contact ${n}`, phone_number: `+${digitsAt(n)}`, whatsapp_id: digitsAt(n) });

/** One request the fake fetch received, answered (or not) by the test. */
export type SentRequest = {
  url: URL;
  signal: AbortSignal;
  /** The lookups it asked for, in order, as `param=digits`. */
  asked: string[];
  digits: string[];
  respond(status: number, body: unknown, headers?: Record<string, string>): void;
  /** Answers 200 with one result per asked contact, made by `result`. */
  respondEach(result: (digits: string, param: string) => Omit<ContactBatchResult, "lookup"> | null): void;
  fail(error: unknown): void;
};

/**
 * A fetch that records every request and answers only when the test says so,
 * rejecting with the signal's reason when the request is aborted (as fetch does).
 */
export function controlledFetch() {
  const sent: SentRequest[] = [];
  const fetch = vi.fn(
    (input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        const url = new URL(String(input));
        const signal = init?.signal ?? new AbortController().signal;
        signal.addEventListener("abort", () => reject(signal.reason));
        const pairs = [...url.searchParams].filter(([name]) => name === "phone_number" || name === "whatsapp_id");
        const respond = (status: number, body: unknown, headers: Record<string, string> = {}) =>
          resolve(
            new Response(typeof body === "string" ? body : JSON.stringify(body), {
              status,
              headers: { "Content-Type": typeof body === "string" ? "text/html" : "application/json", ...headers },
            }),
          );
        sent.push({
          url,
          signal,
          asked: pairs.map(([name, value]) => `${name}=${value}`),
          digits: pairs.map(([, value]) => value),
          respond,
          respondEach: (result) =>
            respond(200, {
              version: 1,
              results: pairs.flatMap(([param, digits]) => {
                const made = result(digits, param);
                return made ? [{ lookup: { param, digits }, ...made }] : [];
              }),
            }),
          fail: reject,
        });
      }),
  );
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent, calls: fetch };
}

/** A found result for every contact, as the route handler writes it. */
export const found = (digits: string) => ({ status: 200, contact: contactAt(Number(digits) - 27825550100) });

/** Lets every promise chain that is ready run to its end (no timers involved). */
export async function drainMicrotasks(rounds = 50): Promise<void> {
  for (let round = 0; round < rounds; round++) await Promise.resolve();
}
