import { FlowIQError } from "./FlowIQError.js";
import type { ContactLookup, NormalizedLookup } from "./types.js";

const SEPARATORS = /[\s\-.()]/g;
const MIN_DIGITS = 8;
const MAX_DIGITS = 15;

function describe(value: unknown): string {
  if (typeof value !== "string") return typeof value;
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}

/** Strips formatting from one number: spaces, dashes, dots, parentheses and a leading `+` or `00`. */
export function normalizeDigits(raw: unknown, field = "phoneNumber"): string {
  if (typeof raw !== "string") {
    throw new FlowIQError("invalid_lookup", `${field} must be a string of 8–15 digits, got ${describe(raw)}.`);
  }
  let digits = raw.replace(SEPARATORS, "");
  if (digits.startsWith("+")) digits = digits.slice(1);
  else if (digits.startsWith("00")) digits = digits.slice(2);
  if (!/^\d+$/.test(digits) || digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) {
    throw new FlowIQError(
      "invalid_lookup",
      `${field} must hold 8–15 digits with an optional leading + or 00 (spaces, dashes, dots and parentheses are ignored); got ${describe(raw)}.`,
    );
  }
  return digits;
}

/**
 * Checks a lookup and reduces it to digits. Throws `FlowIQError` code
 * `invalid_lookup` for anything that is not exactly one of
 * `{ phoneNumber }` / `{ whatsappId }` holding 8–15 digits.
 * @example normalizeLookup({ phoneNumber: "+27 (12) 345-6789" }) // { digits: "27123456789", param: "phone_number" }
 */
export function normalizeLookup(lookup: ContactLookup): NormalizedLookup {
  if (typeof lookup !== "object" || lookup === null) {
    throw new FlowIQError("invalid_lookup", "A lookup must be { phoneNumber } or { whatsappId }.");
  }
  const hasPhone = "phoneNumber" in lookup && (lookup as { phoneNumber?: unknown }).phoneNumber !== undefined;
  const hasWhatsapp = "whatsappId" in lookup && (lookup as { whatsappId?: unknown }).whatsappId !== undefined;
  if (hasPhone === hasWhatsapp) {
    throw new FlowIQError(
      "invalid_lookup",
      hasPhone
        ? "Give either phoneNumber or whatsappId, not both."
        : "A lookup must be { phoneNumber } or { whatsappId }.",
    );
  }
  if (hasPhone) {
    return { digits: normalizeDigits((lookup as { phoneNumber: unknown }).phoneNumber, "phoneNumber"), param: "phone_number" };
  }
  return { digits: normalizeDigits((lookup as { whatsappId: unknown }).whatsappId, "whatsappId"), param: "whatsapp_id" };
}
