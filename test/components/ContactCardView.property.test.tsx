import fc from "fast-check";
import { renderToString } from "react-dom/server";
import { ContactCardView } from "../../src/components/ContactCard/ContactCardView.js";
import { parseContact } from "../../src/core/parseContact.js";

const SAFE_HREF = /^(mailto:[^\s:/?&]+@[^\s:/?&]+|tel:\+\d{8,15}|https:\/\/wa\.me\/\d{8,15})$/;

const nasty = fc.constantFrom(
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "\u202Eevil\u202C",
  "\u200B",
  "👩‍👩‍👧‍👦",
  "a@b.co",
  "+27 12 345 6789",
  "2025-12-11T10:30:00Z",
  "2025-02-30",
  "",
  "   ",
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
);
const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), nasty);
const anyValue = fc.oneof(anyText, fc.constant(null), fc.integer(), fc.boolean(), fc.double(), fc.array(anyText, { maxLength: 3 }));

/** Any raw contact object, then through the parser, as the card would receive it. */
const parsedContact = fc
  .record({
    id: fc.string({ minLength: 1 }).filter((id) => id.trim() !== ""),
    full_name: anyValue,
    whatsapp_id: anyValue,
    phone_number: anyValue,
    email: anyValue,
    tags: fc.oneof(fc.array(fc.oneof(anyText, fc.integer(), fc.constant(null)), { maxLength: 30 }), anyValue),
    bot_status: anyValue,
    allow_broadcast: anyValue,
    archived: anyValue,
    blocked: anyValue,
    active_status: anyValue,
    has_unread_messages: anyValue,
    source: fc.oneof(
      fc.constant(null),
      fc.record({ type: anyValue, location: fc.oneof(anyValue, fc.dictionary(fc.string(), anyValue)), created_at: anyValue }),
    ),
    contact_summary: anyValue,
    contact_summary_updated_at: anyValue,
    created_at: anyValue,
  })
  .map((raw) => parseContact(raw));

/** Every text the contact itself holds (nested values included), longest first, as written and trimmed. */
function contactTexts(value: unknown, out = new Set<string>()): string[] {
  if (typeof value === "string") {
    for (const text of [value, value.trim()]) if (text) out.add(text);
  } else if (typeof value === "number") out.add(String(value));
  else if (value && typeof value === "object") for (const part of Object.values(value)) contactTexts(part, out);
  return [...out].sort((a, b) => b.length - a.length);
}

/** The card's text with the contact's own texts cut out, node by node: what the card wrote itself. */
function ownText(doc: Document, contact: unknown): string {
  const texts = contactTexts(contact);
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    parts.push(texts.reduce((rest, text) => rest.split(text).join("\u0000"), node.textContent ?? ""));
  }
  return parts.join("\u0000");
}

describe("ContactCardView given any contact the parser can return", () => {
  it("renders without throwing, links safely and prints no undefined, null, NaN or Invalid Date of its own", () => {
    fc.assert(
      fc.property(parsedContact, fc.integer({ min: -3, max: 50 }), (contact, maxTags) => {
        const html = renderToString(<ContactCardView contact={contact} maxTags={maxTags} />);
        const doc = new DOMParser().parseFromString(html, "text/html");
        for (const a of doc.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(SAFE_HREF);
        expect(doc.querySelector("script, img, iframe, svg, [style]")).toBeNull();
        // Checked card by card: a word the contact holds somewhere no longer excuses the whole card.
        const own = ownText(doc, contact);
        for (const word of ["undefined", "null", "NaN", "Invalid Date"]) expect(own).not.toContain(word);
      }),
      { numRuns: 300 },
    );
  });
});
