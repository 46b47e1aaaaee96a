import { isFlowIQError, type FlowIQErrorCode } from "./FlowIQError.js";
import { normalizeLookup } from "./normalizeLookup.js";
import type { Contact, NormalizedLookup } from "./types.js";

/**
 * Every error body the proxy writes (and the API's own): `error` and `message`,
 * and where the proxy can say who refused, a `code` the browser maps to the
 * same `FlowIQErrorCode` (`session_refused`, `unauthorized`, `forbidden`).
 * @example const refused: ErrorBody = { error: "Unauthorized", code: "session_refused", message: "Sign in again." };
 */
export type ErrorBody = { error: string; message: string; code?: FlowIQErrorCode };

/** The API's documented not-found body (status 404), which the browser's core reads as "no contact" (`null`). */
export function notFoundBody(lookup: NormalizedLookup): ErrorBody {
  const what = lookup.param === "whatsapp_id" ? "WhatsApp id" : "phone number";
  return { error: "Contact not found", message: `No contact found with ${what} ${lookup.digits}` };
}

/** The batch format this library writes and reads; a later, incompatible one gets a new number. */
export const CONTACT_BATCH_VERSION = 1;

/** How many distinct lookups one batch holds, on both sides. */
export const DEFAULT_MAX_BATCH_SIZE = 50;

/**
 * One contact's answer in a batch: the status a single request for it would
 * have had, and that request's body (`contact` on 200; `error` and `message`
 * otherwise, the documented not-found being 404 with an `error`).
 * @example { lookup: { param: "phone_number", digits: "27123456789" }, status: 200, contact }
 */
export type ContactBatchResult = {
  /**
   * Which lookup this answers: its parameter and normalised digits, or, for a
   * lookup that is not 8–15 digits, its parameter only (status 400; results
   * come in the order asked, and what was sent is never echoed).
   */
  lookup: { param: NormalizedLookup["param"]; digits: string } | { param: NormalizedLookup["param"] };
  status: number;
  contact?: Contact;
  error?: string;
  message?: string;
  /** Who refused, as in a single answer's error body (`session_refused`, `unauthorized`, `forbidden`). */
  code?: FlowIQErrorCode;
  /** With status 429: how long to wait before asking for this contact again. */
  retryAfterMs?: number;
};

/**
 * The 200 body of `GET {baseUrl}/contacts`: one result per distinct lookup, in the order asked.
 * @example const { results }: ContactBatchResponse = await (await fetch("/api/flowiq/contacts?phone_number=27123456789")).json();
 */
export type ContactBatchResponse = { version: typeof CONTACT_BATCH_VERSION; results: ContactBatchResult[] };

/** One distinct lookup read from a batch query: valid (normalised) or not (with the reason). */
export type BatchLookup =
  | { lookup: NormalizedLookup }
  | { lookup?: undefined; param: NormalizedLookup["param"]; value: string; message: string };

/**
 * Reads `?phone_number=…&whatsapp_id=…` (repeated, in order) into distinct
 * lookups: two ways of writing one number are one lookup (the first one's
 * parameter is kept), as they are one cache entry in the browser. Every other
 * parameter, `tenantId` included, is ignored. Stops reading once it holds
 * more than `limit`, which is all a caller needs to refuse the batch.
 */
export function readBatchLookups(params: URLSearchParams, limit = Infinity): BatchLookup[] {
  const seen = new Set<string>();
  const out: BatchLookup[] = [];
  for (const [name, raw] of params) {
    if (name !== "phone_number" && name !== "whatsapp_id") continue;
    let item: BatchLookup;
    let identity: string;
    try {
      const lookup = normalizeLookup(name === "phone_number" ? { phoneNumber: raw } : { whatsappId: raw });
      item = { lookup };
      identity = lookup.digits;
    } catch (error) {
      const message = isFlowIQError(error) ? error.message : "Not a phone number or WhatsApp id.";
      item = { param: name, value: raw.slice(0, 64), message };
      identity = `${name}=${raw}`;
    }
    if (seen.has(identity)) continue;
    seen.add(identity);
    if (out.push(item) > limit) break;
  }
  return out;
}
