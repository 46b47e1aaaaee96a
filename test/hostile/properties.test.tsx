import { render } from "@testing-library/react";
import fc from "fast-check";
import { ContactCardView, type ContactCardDisplayProps } from "../../src/components/ContactCard/ContactCardView.js";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { normalizeLookup } from "../../src/core/normalizeLookup.js";
import { parseContact, parseContactResponse } from "../../src/core/parseContact.js";
import type { Contact, ContactLookup } from "../../src/core/types.js";
import { captureConsole } from "./support.js";

const CONTACT_KEYS = [
  "id",
  "full_name",
  "whatsapp_id",
  "phone_number",
  "email",
  "tags",
  "organization_id",
  "bot_status",
  "allow_broadcast",
  "archived",
  "blocked",
  "active_status",
  "has_unread_messages",
  "source",
  "contact_summary",
  "contact_summary_updated_at",
  "created_at",
  "updated_at",
].sort();

const isStringOrNull = (value: unknown) => value === null || typeof value === "string";
const isPrimitive = (value: unknown) =>
  value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));

/** Everything the Contact type promises, checked at run time. */
function expectValidContact(contact: Contact) {
  expect(Object.keys(contact).sort()).toEqual(CONTACT_KEYS);
  expect(typeof contact.id === "string" && contact.id.trim() !== "").toBe(true);
  for (const key of ["full_name", "whatsapp_id", "phone_number", "email", "organization_id", "bot_status", "contact_summary", "contact_summary_updated_at", "created_at", "updated_at"] as const) {
    expect(isStringOrNull(contact[key]), key).toBe(true);
  }
  for (const key of ["allow_broadcast", "archived", "blocked", "active_status", "has_unread_messages"] as const) {
    expect(typeof contact[key], key).toBe("boolean");
  }
  expect(Array.isArray(contact.tags)).toBe(true);
  for (const tag of contact.tags) expect(typeof tag === "string" && tag.trim() === tag && tag !== "").toBe(true);
  if (contact.source !== null) {
    expect(Object.keys(contact.source).sort()).toEqual(["created_at", "location", "type"]);
    expect(isStringOrNull(contact.source.type)).toBe(true);
    expect(isStringOrNull(contact.source.created_at)).toBe(true);
    const { location } = contact.source;
    if (location !== null && typeof location !== "string") {
      expect(typeof location).toBe("object");
      for (const part of Object.values(location)) expect(isPrimitive(part)).toBe(true);
    }
  }
}

/** Runs `fn`; it must return, or throw a FlowIQError with one of `codes`, and nothing else. */
function returnsOrThrowsFlowIQError<T>(fn: () => T, codes: string[]): T | undefined {
  try {
    return fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FlowIQError);
    expect(codes).toContain((error as FlowIQError).code);
    return undefined;
  }
}

// Text a contact might hold: any code points (lone surrogates included), graphemes, markup,
// look-alike digits, dates good and bad, and the names of Object.prototype's members.
const nasty = fc.constantFrom(
  "",
  " ",
  "\u200B",
  "\u202Eevil",
  "<script>window.__fiqPwned=1</script>",
  "javascript:alert(1)",
  "data:text/html,x",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "active",
  "paused",
  "api",
  "whatsapp",
  "+27 12 345 6789",
  "0027123456789",
  "27123456789",
  "٢٧١٢٣٤٥٦٧٨٩",
  "ada@example.com",
  "ada@exa mple.com",
  "2025-12-11T10:30:00Z",
  "2025-02-30",
  "9999-99-99",
  "-271821-04-20T00:00:00Z",
  "+275760-09-13T00:00:00.001Z",
  "1e21",
  "👩🏽‍💻",
  "🇿🇦",
  "e\u0301",
);
const text = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? "not a date" : date.toISOString())) },
  // Words the card must never print by accident; avoid feeding them in ourselves.
).map((value) => value.replace(/undefined|null|NaN|Invalid Date|object Object/g, "x"));
const anyJson = fc.jsonValue({ maxDepth: 2 });
const field = (right: fc.Arbitrary<unknown>) => fc.oneof({ weight: 4, arbitrary: right }, { weight: 1, arbitrary: anyJson });
const location = fc.oneof(text, fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), anyJson), { maxKeys: 4 }), anyJson);

/** Objects shaped like a contact, with every field sometimes missing or of a wrong type. */
const contactish = fc.record(
  {
    id: fc.oneof({ weight: 5, arbitrary: fc.uuid() }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: anyJson }),
    full_name: field(text),
    whatsapp_id: field(text),
    phone_number: field(text),
    email: field(text),
    tags: field(fc.array(fc.oneof(text, fc.integer(), fc.double(), anyJson), { maxLength: 12 })),
    organization_id: field(text),
    bot_status: field(text),
    allow_broadcast: field(fc.boolean()),
    archived: field(fc.boolean()),
    blocked: field(fc.boolean()),
    active_status: field(fc.boolean()),
    has_unread_messages: field(fc.boolean()),
    source: field(fc.record({ type: field(text), location, created_at: field(text) }, { requiredKeys: [] })),
    contact_summary: field(text),
    contact_summary_updated_at: field(text),
    created_at: field(text),
    updated_at: field(text),
  },
  { requiredKeys: [] },
);

describe("normalizeLookup, for any input", () => {
  const digitish = fc.string({ unit: fc.constantFrom(..."0123456789 +-.()\t\u00A0a#&=0"), maxLength: 24 });
  const lookupish = fc.oneof(
    fc.record({ phoneNumber: fc.oneof(digitish, text, fc.anything()) }),
    fc.record({ whatsappId: fc.oneof(digitish, text, fc.anything()) }),
    fc.record({ phoneNumber: fc.oneof(digitish, fc.constant(undefined)), whatsappId: fc.oneof(digitish, fc.constant(undefined)) }, { requiredKeys: [] }),
    fc.anything({ withBoxedValues: true, withNullPrototype: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }),
  );

  it("returns 8–15 digits in the parameter used, or throws invalid_lookup — nothing else", () => {
    fc.assert(
      fc.property(lookupish, (lookup) => {
        const result = returnsOrThrowsFlowIQError(() => normalizeLookup(lookup as ContactLookup), ["invalid_lookup"]);
        if (!result) return;
        expect(result.digits).toMatch(/^\d{8,15}$/);
        const used = (lookup as { phoneNumber?: unknown }).phoneNumber !== undefined ? "phone_number" : "whatsapp_id";
        expect(result.param).toBe(used);
        // Normalising the digits again changes nothing.
        expect(normalizeLookup({ whatsappId: result.digits }).digits).toBe(result.digits);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("parseContactResponse, for any body", () => {
  const bodies = fc.oneof(
    fc.record({ success: fc.oneof(fc.constant(true), anyJson), contact: fc.oneof({ weight: 4, arbitrary: contactish }, { weight: 1, arbitrary: anyJson }) }, { requiredKeys: [] }),
    anyJson,
    fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withDate: true }),
  );

  it("returns a contact that keeps every promise of the Contact type, or throws invalid_response — nothing else", () => {
    fc.assert(
      fc.property(bodies, (body) => {
        const contact = returnsOrThrowsFlowIQError(() => parseContactResponse(body), ["invalid_response"]);
        if (contact) expectValidContact(contact);
      }),
      { numRuns: 2_000 },
    );
  });

  it("gives a contact that survives a JSON round trip and a second parse unchanged (as hydration does)", () => {
    fc.assert(
      fc.property(contactish, (raw) => {
        const once = returnsOrThrowsFlowIQError(() => parseContact(raw), ["invalid_response"]);
        fc.pre(once !== undefined);
        const again = parseContactResponse(JSON.parse(JSON.stringify({ success: true, contact: once })));
        expect(JSON.stringify(again)).toBe(JSON.stringify(once));
      }),
      { numRuns: 500 },
    );
  });
});

const FORBIDDEN = /undefined|null|NaN|Invalid Date|\[object Object\]/;

/** Every text node and attribute value, one by one (so two tags side by side cannot make a word). */
function expectNoPlaceholderWords(root: HTMLElement) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    expect(node.textContent ?? "").not.toMatch(FORBIDDEN);
  }
  for (const element of root.querySelectorAll("*")) {
    for (const name of element.getAttributeNames()) expect(element.getAttribute(name) ?? "", name).not.toMatch(FORBIDDEN);
  }
}

describe("ContactCardView, for any contact the parser returns", () => {
  const display: fc.Arbitrary<ContactCardDisplayProps> = fc.record(
    {
      maxTags: fc.oneof(fc.integer({ min: -3, max: 20 }), fc.constantFrom(Number.NaN, Infinity, -Infinity, 2.5)),
      locale: fc.constantFrom("en-US", "de-DE", "ar-EG", "ja-JP-u-ca-japanese", "zz-ZZ", "not a locale", ""),
      timeZone: fc.constantFrom("UTC", "Africa/Johannesburg", "Asia/Kolkata", "Not/AZone", ""),
      headingLevel: fc.constantFrom(1, 2, 3, 4, 5, 6),
    },
    { requiredKeys: [] },
  );

  it("renders without throwing, safely, and never prints undefined, null, NaN or Invalid Date", () => {
    fc.assert(
      fc.property(contactish, display, (raw, props) => {
        const contact = returnsOrThrowsFlowIQError(() => parseContact(raw), ["invalid_response"]);
        fc.pre(contact !== undefined);
        const logged = captureConsole();
        const { container, unmount } = render(<ContactCardView contact={contact as Contact} {...props} />);
        try {
          expect(logged(), "console output while rendering").toBe("");
          const card = container.firstElementChild as HTMLElement;
          expect(card).toHaveAttribute("data-state", "ready");
          expect(card.querySelectorAll("script, img, iframe, svg, style")).toHaveLength(0);
          for (const link of card.querySelectorAll("[href]")) {
            expect(link.getAttribute("href")).toMatch(/^(tel:\+\d{8,15}|https:\/\/wa\.me\/\d{8,15}|mailto:.+@.+)$/);
          }
          expect(card.querySelector("h1, h2, h3, h4, h5, h6")?.textContent?.trim()).not.toBe("");
          expectNoPlaceholderWords(card);
        } finally {
          unmount();
          vi.restoreAllMocks();
        }
      }),
      { numRuns: Number(process.env.FIQ_RUNS ?? 300) },
    );
  });
});
