import type { Contact, ContactLookup } from "../src/core/types.js";
import { buildContact } from "../src/msw/buildContact.js";

/** The digits of the n-th generated contact: South African numbers, 11 digits, all distinct. */
export function contactDigitsAt(index: number): string {
  return `27${String(612_000_000 + index * 7_919).padStart(9, "0")}`;
}

const FIRST = ["Thandi", "Pieter", "Aisha", "Lerato", "Johan", "Zanele", "Sipho", "Fatima", "Kagiso", "Naledi"];
const LAST = ["Nkosi", "van der Merwe", "Patel", "Mokoena", "Botha", "Dlamini", "Naidoo", "Khumalo", "Pillay", "Smit"];
const TAGS = ["customer", "premium", "lead", "support", "vip", "newsletter", "cape-town", "b2b", "returning"];

/**
 * `count` contacts with a realistic spread (every badge, 0–9 tags so some show
 * "+N more", summaries, locations, the odd missing name or email), the n-th at
 * `contactDigitsAt(n)`. The same `count` and `seed` always give the same contacts;
 * another seed changes names, tags and flags but not the numbers.
 */
export function generateContacts(count: number, seed = 0): Contact[] {
  return Array.from({ length: count }, (_, index) => {
    const digits = contactDigitsAt(index);
    const n = index + seed;
    return buildContact({
      id: `contact-${index}`,
      // The surname moves on by one every ten contacts: a hundred names before one comes back, not ten.
      full_name: n % 23 === 0 ? null : `${FIRST[n % FIRST.length]} ${LAST[(n * 7 + Math.floor(n / FIRST.length)) % LAST.length]}`,
      phone_number: `+${digits}`,
      whatsapp_id: digits,
      email: n % 5 === 4 ? null : `contact${index}@example.com`,
      tags: TAGS.slice(0, n % 10),
      bot_status: (["active", "paused", "inactive"] as const)[n % 3] ?? "active",
      blocked: n % 17 === 0,
      archived: n % 13 === 0,
      allow_broadcast: n % 4 !== 0,
      active_status: n % 2 === 0,
      has_unread_messages: n % 3 === 0,
      source: {
        type: (["api", "whatsapp", "import"] as const)[n % 3] ?? "api",
        location: n % 2 ? { city: "Cape Town", country: "ZA" } : {},
        // Some late in the day UTC: a card that formats dates in the machine's zone differs server vs browser.
        created_at: `2025-0${1 + (n % 9)}-1${n % 10}T${n % 4 === 1 ? "23" : "10"}:30:00Z`,
      },
      contact_summary: n % 3 === 0 ? "Asked about the premium plan; wants a call back next week about pricing for 40 seats." : null,
      contact_summary_updated_at: n % 3 === 0 ? "2025-12-11T10:30:00Z" : null,
    });
  });
}

/** The contacts behind the numbers the README's examples use, so they work against `npm run standin` as written. */
export function readmeContacts(): Contact[] {
  const at = (id: string, full_name: string, digits: string, extra: Partial<Contact> = {}) =>
    buildContact({ id, full_name, phone_number: `+${digits}`, whatsapp_id: digits, ...extra });
  return [
    at("readme-ada", "Ada Lovelace", "27825550101", { tags: ["customer", "premium"] }),
    at("readme-grace", "Grace Hopper", "27825550202"),
    at("readme-thandi", "Thandi Nkosi", "27825550301", { tags: ["vip"] }),
    at("readme-sipho", "Sipho Dlamini", "27825550302"),
    at("readme-john", "John Doe", "27123456789"),
  ];
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

/** The n-th generated contact's number, written in the n-th of the usual forms. */
export const lookupAt = (index: number): ContactLookup =>
  (LOOKUP_FORMS[index % LOOKUP_FORMS.length] as (digits: string) => ContactLookup)(contactDigitsAt(index));

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
