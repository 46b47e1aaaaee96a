import { delay, http, HttpResponse, type HttpHandler } from "msw";
import { buildContact, contactDigits, createContactHandlers, type Contact } from "../../src/msw.js";
import { fullContact } from "./contacts.js";

/** The people of an inbox, each showing something a chip or hover card must handle. */
export const thandi: Contact = { ...fullContact, active_status: true };
export const sipho: Contact = buildContact({
  id: "8d2f6b1a-3e4c-4f7a-b9d0-1c2e3f4a5b60",
  full_name: "Sipho Dlamini",
  phone_number: "+27825550123",
  whatsapp_id: "27825550123",
  email: "sipho@example.com",
  tags: ["lead", "durban"],
  bot_status: "paused",
  has_unread_messages: true,
});
export const lindiwe: Contact = buildContact({
  id: "a1b2c3d4-0000-4000-8000-000000000004",
  full_name: "Lindiwe Mahlangu",
  phone_number: "+27831112222",
  whatsapp_id: "27831112222",
  email: null,
  tags: [],
  blocked: true,
});
export const longName: Contact = buildContact({
  id: "a1b2c3d4-0000-4000-8000-000000000005",
  full_name: "Maria Fernanda de los Ángeles Castillo-Villanueva Rodríguez y Montenegro",
  phone_number: "+5215512345678",
  whatsapp_id: "5215512345678",
  email: "maria.castillo@example.mx",
  active_status: true,
  has_unread_messages: true,
});
export const arabic: Contact = buildContact({
  id: "a1b2c3d4-0000-4000-8000-000000000006",
  full_name: "نور الهدى عبد الرحمن",
  phone_number: "+971501234567",
  whatsapp_id: "971501234567",
  email: null,
  tags: ["عميل"],
});
export const emoji: Contact = buildContact({
  id: "a1b2c3d4-0000-4000-8000-000000000007",
  full_name: "👩🏽‍💻 Zanele Mokoena 🇿🇦",
  phone_number: "+27711234567",
  whatsapp_id: "27711234567",
  email: "zanele@example.co.za",
});
export const nameless: Contact = buildContact({
  id: "a1b2c3d4-0000-4000-8000-000000000008",
  full_name: null,
  phone_number: "+2348031234567",
  whatsapp_id: "2348031234567",
  email: null,
  tags: ["unknown-caller"],
});

export const PEOPLE = [thandi, sipho, lindiwe, longName, arabic, emoji, nameless];

/** Numbers the stand-in API treats specially. */
export const UNKNOWN = "+1 415 555 0100";
export const NEVER_ANSWERS = "+44 20 7946 0000";
export const FAILS = "+61 2 9876 5432";

/**
 * The stand-in API for these stories: PEOPLE are found, UNKNOWN is the documented 404,
 * NEVER_ANSWERS stays loading, FAILS answers 500.
 */
export function inboxHandlers(contacts: Contact[] = PEOPLE): HttpHandler[] {
  const special = new Map<string, () => Promise<Response>>([
    [
      contactDigits(NEVER_ANSWERS),
      async () => {
        await delay("infinite");
        return new HttpResponse(null, { status: 204 });
      },
    ],
    [contactDigits(FAILS), async () => HttpResponse.json({ error: "Internal server error", message: "Something went wrong" }, { status: 500 })],
  ]);
  return [
    http.get("*/contact", ({ request }) => {
      const params = new URL(request.url).searchParams;
      return special.get(contactDigits(params.get("phone_number") ?? params.get("whatsapp_id")))?.();
    }),
    ...createContactHandlers({ contacts }),
  ];
}
