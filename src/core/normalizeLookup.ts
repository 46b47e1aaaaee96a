import { FlowIQError } from "./FlowIQError.js";
import type { ContactLookup, NormalizedLookup } from "./types.js";

/** Strips formatting from one number: spaces, dashes, dots, parentheses and a leading `+` or `00`. */
export function normalizeDigits(raw: unknown, field = "phoneNumber"): string {
  const digits = typeof raw === "string" ? raw.replace(/[\s\-.()]/g, "").replace(/^(\+|00)/, "") : "";
  if (!/^\d{8,15}$/.test(digits)) {
    const shown = typeof raw === "string" ? JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw) : typeof raw;
    throw new FlowIQError(
      "invalid_lookup",
      `${field} must hold 8–15 digits, optionally after + or 00 (spaces, dashes, dots and parentheses are ignored); got ${shown}.`,
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
  const { phoneNumber, whatsappId } = ((typeof lookup === "object" && lookup) || {}) as {
    phoneNumber?: unknown;
    whatsappId?: unknown;
  };
  if ((phoneNumber === undefined) === (whatsappId === undefined)) {
    throw new FlowIQError(
      "invalid_lookup",
      phoneNumber === undefined
        ? "A lookup must be { phoneNumber } or { whatsappId }."
        : "Give either phoneNumber or whatsappId, not both.",
    );
  }
  return phoneNumber === undefined
    ? { digits: normalizeDigits(whatsappId, "whatsappId"), param: "whatsapp_id" }
    : { digits: normalizeDigits(phoneNumber), param: "phone_number" };
}
