import { screen, waitFor, within } from "@testing-library/react";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import type { Contact } from "../../src/core/types.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { renderWithProvider } from "../utils.js";
import { expectSafeCard } from "./cardSafety.js";
import { answerWith, captureConsole, json } from "./support.js";

/** Serves `contact` as the API would, renders a ContactCard for it and waits until it settles. */
async function renderContact(contact: Record<string, unknown>) {
  answerWith(json({ success: true, contact }));
  const logged = captureConsole();
  const view = renderWithProvider(<ContactCard phoneNumber="+27 12 345 6789" />);
  await waitFor(() => expect(view.container.querySelector('[data-state="ready"], [data-state="error"]')).not.toBeNull());
  const card = view.container.firstElementChild as HTMLElement;
  return { ...view, card, logged };
}

const PAYLOADS = [
  "<script>window.__fiqPwned = 1</script>",
  '<img src=x onerror="window.__fiqPwned=1">',
  '"><svg onload=window.__fiqPwned=1>',
  "</dd><a href=javascript:window.__fiqPwned=1>click</a>",
  "<style>*{display:none}</style>",
  "{{constructor.constructor('window.__fiqPwned=1')()}}",
];

type Field = { name: string; place: (payload: string) => Partial<Contact> | Record<string, unknown>; shown: (payload: string) => string | null };

/** Every string field the API sends; `shown` is the text the card must show for it, or null when it shows none. */
const FIELDS: Field[] = [
  { name: "full_name", place: (p) => ({ full_name: p }), shown: (p) => p },
  { name: "email", place: (p) => ({ email: p }), shown: (p) => p },
  { name: "phone_number", place: (p) => ({ phone_number: p, whatsapp_id: "27123456789" }), shown: (p) => p },
  { name: "whatsapp_id", place: (p) => ({ whatsapp_id: p }), shown: () => null },
  { name: "a tag", place: (p) => ({ tags: [p] }), shown: (p) => p },
  { name: "bot_status", place: (p) => ({ bot_status: p }), shown: (p) => `Bot: ${p}` },
  { name: "source.type", place: (p) => ({ source: { type: p, location: {}, created_at: "2025-12-11T10:30:00Z" } }), shown: (p) => p },
  { name: "source.location (text)", place: (p) => ({ source: { type: "api", location: p, created_at: null } }), shown: (p) => p },
  { name: "source.location (object)", place: (p) => ({ source: { type: "api", location: { city: p }, created_at: null } }), shown: (p) => p },
  { name: "source.created_at", place: (p) => ({ source: { type: "api", location: {}, created_at: p }, created_at: p }), shown: () => null },
  { name: "contact_summary", place: (p) => ({ contact_summary: p }), shown: (p) => p },
  { name: "contact_summary_updated_at", place: (p) => ({ contact_summary: "Likes email", contact_summary_updated_at: p }), shown: () => null },
  { name: "organization_id", place: (p) => ({ organization_id: p }), shown: () => null },
  { name: "id", place: (p) => ({ id: p }), shown: () => null },
];

const markupRows = FIELDS.flatMap((field) => PAYLOADS.map((payload) => ({ field: field.name, payload, ...field })));

describe("ContactCard given HTML and script in a contact's text", () => {
  afterEach(() => {
    delete window.__fiqPwned;
  });

  it.each(markupRows)("shows $field = $payload as plain text and runs nothing", async ({ place, shown, payload }) => {
    const { card, logged } = await renderContact({ ...buildContact(), ...place(payload) });
    expect(card).toHaveAttribute("data-state", "ready");
    expectSafeCard(card);
    const expected = shown(payload);
    if (expected !== null) expect(card.textContent).toContain(expected);
    expect(logged()).toBe("");
  });
});

describe("ContactCard given link schemes in email and phone", () => {
  it.each([
    { field: "email", value: "javascript:window.__fiqPwned=1//@example.com" },
    { field: "email", value: "JaVaScRiPt:alert(1)" },
    { field: "email", value: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" },
    { field: "email", value: "vbscript:msgbox(1)@example.com" },
    { field: "email", value: "ada@example.com?bcc=all@example.com" },
    { field: "email", value: "ada@example.com&body=hi" },
    { field: "email", value: "ada@example.com\nbcc:all@example.com" },
    { field: "email", value: "x%0ABcc%3Aall@example.com" },
    { field: "email", value: "ada@exa mple.com" },
    { field: "phone_number", value: "javascript:window.__fiqPwned=1" },
    { field: "phone_number", value: "data:text/html,<script>window.__fiqPwned=1</script>" },
    { field: "phone_number", value: "tel:+27123456789" },
    { field: "phone_number", value: "+27123456789?call=1" },
    { field: "whatsapp_id", value: "javascript:window.__fiqPwned=1" },
    { field: "whatsapp_id", value: "27123456789/../../evil" },
    { field: "whatsapp_id", value: "https://evil.example/27123456789" },
  ])("makes no link from $field = $value", async ({ field, value }) => {
    // Only this field could make a link: the others are empty.
    const { card } = await renderContact({ ...buildContact(), phone_number: null, whatsapp_id: null, email: null, [field]: value });
    // A ready card, which is the one that has links (an error card has none, so would pass for nothing).
    expect(card).toHaveAttribute("data-state", "ready");
    expectSafeCard(card);
    expect(within(card).queryByRole("link")).toBeNull();
  });

  it("still links a plain address and number", async () => {
    const { card } = await renderContact(buildContact({ email: "ada@example.com", phone_number: "+27 12 345 6789", whatsapp_id: "27123456789" }));
    expectSafeCard(card);
    expect(within(card).getByRole("link", { name: "ada@example.com" })).toHaveAttribute("href", "mailto:ada@example.com");
    expect(within(card).getAllByRole("link").map((link) => link.getAttribute("href"))).toEqual([
      "tel:+27123456789",
      "https://wa.me/27123456789",
      "mailto:ada@example.com",
    ]);
  });
});

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const graphemes = (value: string) => Array.from(segmenter.segment(value), (part) => part.segment);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

describe("ContactCard given right-to-left, emoji and invisible characters", () => {
  it.each([
    { name: "Arabic", full_name: "محمد بن سلمان" },
    { name: "Hebrew", full_name: "דוד לוי" },
    { name: "mixed direction", full_name: "Ali علي 123" },
    { name: "a right-to-left override", full_name: "Invoice \u202Etxt.exe" },
    { name: "unbalanced isolates", full_name: "\u2067\u2067\u2067Ada" },
    { name: "a skin-toned ZWJ emoji", full_name: "👩🏽‍💻 Zanele Mbeki" },
    { name: "a flag", full_name: "🇿🇦 Thabo" },
    { name: "a family emoji", full_name: "👨‍👩‍👧‍👦 Family" },
    { name: "combining accents", full_name: "e\u0301mile zo\u0308la" },
    { name: "a lone surrogate", full_name: "\uD83D Broken" },
    { name: "control characters", full_name: "\u0000\u0007Bob\u001B[31m Red" },
    { name: "emoji only", full_name: "🙂" },
  ])("shows a name with $name whole, in a direction-isolated heading", async ({ full_name }) => {
    const { card, logged } = await renderContact(buildContact({ full_name, tags: [full_name], contact_summary: full_name }));
    expectSafeCard(card);
    const heading = within(card).getByRole("heading");
    expect(heading).toHaveTextContent(full_name.trim(), { normalizeWhitespace: false });
    // Isolated, so an override or a stray isolate in the name cannot reorder the rest of the card.
    expect(heading).toHaveAttribute("dir", "auto");
    for (const element of card.querySelectorAll(".fiq-tag, .fiq-summary__text")) expect(element).toHaveAttribute("dir", "auto");
    const avatar = card.querySelector(".fiq-avatar")?.textContent ?? "";
    expect(avatar).not.toMatch(LONE_SURROGATE);
    // Initials are whole graphemes of the name: never half an emoji or an accent without its letter.
    const upper = graphemes(full_name.toUpperCase());
    for (const letter of graphemes(avatar)) expect(upper).toContain(letter);
    expect(logged()).toBe("");
  });

  it.each([
    { name: "zero-width spaces", full_name: "\u200B\u200B" },
    { name: "zero-width joiners and a BOM", full_name: "\u200C\u200D\uFEFF" },
    { name: "direction marks", full_name: "\u200E\u200F\u061C" },
    { name: "ideographic spaces", full_name: "\u3000\u3000" },
    { name: "control characters", full_name: "\u0000\u0007\u001B" },
  ])("falls back to the number when the name is only $name, and to the person glyph in the avatar", async ({ full_name }) => {
    const { card } = await renderContact(buildContact({ full_name }));
    expectSafeCard(card);
    expect(within(card).getByRole("heading")).toHaveTextContent("+27123456789");
    const avatar = card.querySelector(".fiq-avatar");
    expect(avatar).toHaveAttribute("data-glyph", "person");
    expect(avatar).toHaveTextContent(/^$/);
  });
});

describe("ContactCard given a source type that names an Object property", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "CONSTRUCTOR"])(
    "shows source type %s as text",
    async (type) => {
      const { card, logged } = await renderContact(buildContact({ source: { type, location: {}, created_at: null } }));
      expect(card).toHaveAttribute("data-state", "ready");
      expectSafeCard(card);
      expect(within(card).getByText(type)).toBeInTheDocument();
      expect(logged()).toBe("");
    },
  );

  it("shows a bot status of __proto__ as text", async () => {
    const { card } = await renderContact(buildContact({ bot_status: "__proto__" }));
    expect(screen.getByText("Bot: __proto__")).toBeInTheDocument();
    expectSafeCard(card);
  });
});
