import {
  CONTACT_BATCH_VERSION,
  readBatchLookups,
  type ContactBatchResponse,
  type ContactBatchResult,
  type ErrorBody,
} from "./contactBatchWire.js";
import { FlowIQError } from "./FlowIQError.js";
import { clampRetryAfterMs } from "./retryPolicy.js";
import type { Contact, NormalizedLookup } from "./types.js";


/** What one upstream call came to: the status and body a single request would get. */
export type LookupAnswer = {
  status: number;
  body: ErrorBody | { success: true; contact: Contact };
  headers?: Record<string, string>;
  retryAfterMs?: number | undefined;
};

export type ContactBatchContext = {
  maxBatchSize: number;
  /** The whole batch answers within this; contacts still waiting upstream then are that contact's 504. */
  deadlineMs: number;
  /** The visitor's request: when it goes away, so do the upstream calls. */
  signal: AbortSignal;
  lookUp: (lookup: NormalizedLookup, signal: AbortSignal) => Promise<LookupAnswer>;
};

const badRequest = (message: string) => ({ status: 400, body: { error: "Bad request", message } });

/**
 * Answers `GET {mount}/contacts?phone_number=…&whatsapp_id=…`: 400 for no
 * lookup or more than `maxBatchSize` distinct ones (no upstream call), else 200
 * with one result per distinct lookup, each the status and body a single
 * request for it would have had; an invalid lookup is that result's 400.
 */
export async function answerContactBatch(
  params: URLSearchParams,
  { maxBatchSize, deadlineMs, signal, lookUp }: ContactBatchContext,
): Promise<{ status: number; body: ContactBatchResponse | ErrorBody }> {
  const lookups = readBatchLookups(params, maxBatchSize);
  if (lookups.length === 0) return badRequest("Give at least one phone_number or whatsapp_id query parameter.");
  if (lookups.length > maxBatchSize) {
    return badRequest(`A batch holds at most ${maxBatchSize} distinct lookups; split it into several requests.`);
  }

  // One deadline for the batch: with many contacts behind the upstream cap, the browser still
  // hears the ones that came back in time, and only the others are retried.
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new FlowIQError("timeout", `The FlowIQ API did not answer this contact within the batch's ${deadlineMs} ms.`)),
    deadlineMs,
  );
  const cancel = () => deadline.abort(signal.reason);
  if (signal.aborted) cancel();
  signal.addEventListener("abort", cancel);
  // A signal of its own for each contact, aborted from here: a batch's contacts all waiting on the
  // one deadline signal would hang up to 50 listeners on it, which Node reports as a leak.
  const waiting = new Set<AbortController>();
  deadline.signal.addEventListener("abort", () => waiting.forEach((own) => own.abort(deadline.signal.reason)));
  try {
    const results = await Promise.all(
      lookups.map(async (item): Promise<ContactBatchResult> => {
        if (!item.lookup) {
          // Not echoed: an echo passes through the key's redaction, which would tell the key from a guess.
          return {
            lookup: { param: item.param },
            status: 400,
            error: "Bad request",
            message: `${item.param} must hold 8–15 digits, optionally after + or 00 (spaces, dashes, dots and parentheses are ignored).`,
          };
        }
        const own = new AbortController();
        if (deadline.signal.aborted) own.abort(deadline.signal.reason);
        waiting.add(own);
        const { status, body, retryAfterMs } = await lookUp(item.lookup, own.signal).finally(() => waiting.delete(own));
        const result: ContactBatchResult = { lookup: { param: item.lookup.param, digits: item.lookup.digits }, status };
        if ("contact" in body) result.contact = body.contact;
        else Object.assign(result, { error: body.error, message: body.message }, body.code ? { code: body.code } : {});
        const wait = clampRetryAfterMs(retryAfterMs);
        if (status === 429 && wait !== undefined) result.retryAfterMs = wait;
        return result;
      }),
    );
    return { status: 200, body: { version: CONTACT_BATCH_VERSION, results } };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", cancel);
  }
}
