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

describe("ContactCardView given any contact the parser can return", () => {
  it("renders without throwing, links safely and prints no undefined, null, NaN or Invalid Date of its own", () => {
    fc.assert(
      fc.property(parsedContact, fc.integer({ min: -3, max: 50 }), (contact, maxTags) => {
        const html = renderToString(<ContactCardView contact={contact} maxTags={maxTags} />);
        const doc = new DOMParser().parseFromString(html, "text/html");
        for (const a of doc.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(SAFE_HREF);
        expect(doc.querySelector("script, img, iframe, svg, [style]")).toBeNull();
        const input = JSON.stringify(contact);
        const text = doc.body.textContent ?? "";
        for (const word of ["undefined", "null", "NaN", "Invalid Date"]) {
          if (!input.replace(/"[a-z_]+":null/g, "").includes(word)) expect(text).not.toContain(word);
        }
      }),
      { numRuns: 300 },
    );
  });
});
