import type { Contact, ContactLookup } from "../../src/core/types.js";
import { buildContact } from "../../src/msw/buildContact.js";

/** The digits of the n-th test contact: South African numbers, 11 digits, all distinct. */
export function contactDigitsAt(index: number): string {
  return `27${String(612_000_000 + index * 7_919).padStart(9, "0")}`;
}

/** A contact the stand-in API knows, reachable by its phone number or its WhatsApp id. */
export function dashboardContact(index: number): Contact {
  const digits = contactDigitsAt(index);
  return buildContact({
    id: `contact-${index}`,
    full_name: `Contact ${index}`,
    phone_number: `+${digits}`,
    whatsapp_id: digits,
  });
}

/**
 * The ways a CRM's rows write one number, as seen in real exports: E.164 with
 * spaces, the international 00 prefix with dashes, a bare WhatsApp id, the
 * country code in parentheses with dots, plain digits, and +CC with dashes.
 */
export const LOOKUP_FORMS: ReadonlyArray<(digits: string) => ContactLookup> = [
  (d) => ({ phoneNumber: `+${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 7)} ${d.slice(7)}` }),
  (d) => ({ phoneNumber: `00${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 7)}-${d.slice(7)}` }),
  (d) => ({ whatsappId: d }),
  (d) => ({ phoneNumber: `(${d.slice(0, 2)}) ${d.slice(2, 5)}.${d.slice(5, 8)}.${d.slice(8)}` }),
  (d) => ({ phoneNumber: d }),
  (d) => ({ phoneNumber: `+${d.slice(0, 2)}-${d.slice(2, 5)}-${d.slice(5, 8)}-${d.slice(8)}` }),
];

export type DashboardRow = { contactIndex: number; lookup: ContactLookup };

/**
 * `rows` lookups over `distinct` contacts (deterministic): rows are shuffled
 * so a contact's rows are far apart, and each time a contact comes back it is
 * written in the next form, so 200 rows over 50 contacts hold 200 different
 * raw lookups for 50 numbers.
 */
export function mixedDashboard(rows: number, distinct: number): DashboardRow[] {
  return Array.from({ length: rows }, (_, row) => {
    // 17 and the usual sizes (50, 500) share no factor, so every contact is used.
    const contactIndex = (row * 17) % distinct;
    const occurrence = Math.floor(row / distinct);
    const form = LOOKUP_FORMS[(contactIndex + occurrence) % LOOKUP_FORMS.length] as (d: string) => ContactLookup;
    return { contactIndex, lookup: form(contactDigitsAt(contactIndex)) };
  });
}

/** The lookup parameter and digits a request asked for. */
export function askedDigits(request: Request): string {
  const params = new URL(request.url).searchParams;
  return params.get("phone_number") ?? params.get("whatsapp_id") ?? "";
}
