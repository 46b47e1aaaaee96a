import { buildContact, type Contact } from "../../src/msw.js";

/** The number most stories look up, written the way a person types it. */
export const PHONE = "+27 12 345 6789";
export const DIGITS = "27123456789";

/** Every field filled in, as a contact looks after a few weeks of WhatsApp conversations. */
export const fullContact: Contact = buildContact({
  id: "5f0c8a2e-7d1b-4c39-9a6e-2b8f1d4e6a01",
  full_name: "Thandi Nkosi",
  phone_number: "+27123456789",
  whatsapp_id: "27123456789",
  email: "thandi.nkosi@example.co.za",
  tags: ["customer", "premium", "johannesburg", "newsletter"],
  organization_id: "org-acme",
  bot_status: "active",
  allow_broadcast: true,
  source: {
    type: "whatsapp",
    location: { city: "Johannesburg", country: "South Africa" },
    created_at: "2025-03-14T08:05:00Z",
  },
  contact_summary: null,
  contact_summary_updated_at: null,
  created_at: "2025-03-14T08:05:00Z",
  updated_at: "2025-12-02T15:45:00Z",
});

/** A contact with its AI conversation summary. */
export const summarisedContact: Contact = {
  ...fullContact,
  contact_summary:
    "Asked about moving to the annual plan and wants the invoice in the company's name. Prefers WhatsApp to email; follow up after the 20th.",
  contact_summary_updated_at: "2025-12-02T15:45:00Z",
};

/** Only what the API must send: the id and a number; everything else null or empty. */
export const sparseContact: Contact = {
  id: "0b7e3f52-1c64-4d0a-8f3e-9a1d2c5b7e10",
  full_name: null,
  whatsapp_id: null,
  phone_number: "+27123456789",
  email: null,
  tags: [],
  organization_id: null,
  bot_status: null,
  allow_broadcast: true,
  archived: false,
  blocked: false,
  active_status: false,
  has_unread_messages: false,
  source: null,
  contact_summary: null,
  contact_summary_updated_at: null,
  created_at: null,
  updated_at: null,
};

/** Forty tags, as a CRM that tags every campaign ends up with. */
export const FORTY_TAGS = Array.from({ length: 40 }, (_, index) => `campaign-${String(index + 1).padStart(2, "0")}`);
