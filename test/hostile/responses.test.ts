import { HttpResponse, type HttpResponseResolver } from "msw";
import type { FlowIQErrorCode } from "../../src/core/FlowIQError.js";
import type { Contact } from "../../src/core/types.js";
import { createFlowIQClient } from "../../src/core/FlowIQClient.js";
import { contactQueryOptions } from "../../src/react/contactQueryOptions.js";
import { buildContact } from "../../src/msw/buildContact.js";
import {
  CONFIG,
  LOOKUP,
  answerWith,
  createPolicyQueryClient,
  fetchContact,
  json,
  okBody,
  text,
  type Outcome,
} from "./support.js";

type Expected =
  | { error: FlowIQErrorCode; status?: number; message?: RegExp }
  | { contact: Partial<Contact> | ((contact: Contact) => void) }
  | { notFound: true };

type Row = { name: string; answer: HttpResponseResolver; expected: Expected; retried?: boolean };

const HTML = "<!doctype html><title>Oops</title><h1>Something broke</h1>";
const MB = 1024 * 1024;

function expectOutcome(outcome: Outcome, expected: Expected) {
  if (outcome.kind === "thrown") throw new Error(`threw something that is not a FlowIQError: ${String(outcome.value)}`);
  if ("error" in expected) {
    expect(outcome).toMatchObject({ kind: "error", code: expected.error });
    if (outcome.kind !== "error") return;
    if (expected.status !== undefined) expect(outcome.status).toBe(expected.status);
    if (expected.message) expect(outcome.message).toMatch(expected.message);
  } else if ("notFound" in expected) {
    expect(outcome).toEqual({ kind: "null" });
  } else {
    expect(outcome.kind).toBe("contact");
    if (outcome.kind !== "contact") return;
    if (typeof expected.contact === "function") expected.contact(outcome.contact);
    else expect(outcome.contact).toMatchObject(expected.contact);
  }
}

/** Runs the row through react-query with the library's own retry decision (delays shortened). */
async function requestsWithRetryPolicy(answer: HttpResponseResolver): Promise<number> {
  const requests = answerWith(answer);
  const client = createPolicyQueryClient();
  await client.fetchQuery(contactQueryOptions(createFlowIQClient(CONFIG), LOOKUP, { retryDelay: 0 })).catch(() => undefined);
  return requests.length;
}

async function runRow(row: Row) {
  const requests = answerWith(row.answer);
  expectOutcome(await fetchContact(), row.expected);
  expect(requests).toHaveLength(1);
  // One request, then (only for retriable failures) the policy's three retries.
  expect(await requestsWithRetryPolicy(row.answer)).toBe(row.retried ? 4 : 1);
}

const nonJson: Row[] = [
  { name: "an HTML page with 200", answer: text(HTML, 200), expected: { error: "invalid_response", status: 200, message: /not JSON.*baseUrl/ } },
  { name: "plain text with 200", answer: text("OK", 200, "text/plain"), expected: { error: "invalid_response", status: 200 } },
  { name: "truncated JSON with 200", answer: text('{"success":true,"contact":{"id":"a"', 200, "application/json"), expected: { error: "invalid_response", status: 200 } },
  { name: "an HTML page with 404 (misrouted proxy)", answer: text(HTML, 404), expected: { error: "invalid_response", status: 404, message: /baseUrl/ } },
  { name: "an HTML page with 500", answer: text(HTML, 500), expected: { error: "server", status: 500 }, retried: true },
  { name: "an HTML page with 502", answer: text(HTML, 502), expected: { error: "server", status: 502 }, retried: true },
  { name: "an HTML page with 503", answer: text(HTML, 503), expected: { error: "server", status: 503 }, retried: true },
  { name: "an HTML page with 401", answer: text(HTML, 401), expected: { error: "unauthorized", status: 401 } },
  { name: "an HTML page with 403", answer: text(HTML, 403), expected: { error: "forbidden", status: 403 } },
  { name: "an HTML page with 418", answer: text(HTML, 418), expected: { error: "invalid_response", status: 418 } },
  { name: "a JSON 404 without the API's error field", answer: json({ message: "gone" }, 404), expected: { error: "invalid_response", status: 404, message: /baseUrl/ } },
  { name: "a JSON array with 404", answer: json(["Contact not found"], 404), expected: { error: "invalid_response", status: 404 } },
  { name: "the documented 404", answer: json({ error: "Contact not found", message: "No contact found with phone number 27123456789" }, 404), expected: { notFound: true } },
];

const empty: Row[] = [
  { name: "an empty body with 200", answer: text("", 200, "application/json"), expected: { error: "invalid_response", status: 200 } },
  { name: "an empty body with 404", answer: text("", 404, "application/json"), expected: { error: "invalid_response", status: 404 } },
  { name: "an empty body with 500", answer: text("", 500, "application/json"), expected: { error: "server", status: 500 }, retried: true },
  { name: "204 No Content", answer: () => new HttpResponse(null, { status: 204 }), expected: { error: "invalid_response", status: 204 } },
  { name: "whitespace only with 200", answer: text("  \n\t ", 200, "application/json"), expected: { error: "invalid_response", status: 200 } },
];

const shapes: Row[] = [
  { name: "success: false", answer: json({ success: false }), expected: { error: "invalid_response", status: 200, message: /success: false/ } },
  { name: "success: false with the API's message", answer: json({ success: false, message: "Tenant suspended" }), expected: { error: "invalid_response", message: /Tenant suspended/ } },
  { name: "contact: null", answer: json({ success: true, contact: null }), expected: { error: "invalid_response", message: /no contact object/ } },
  { name: "contact: []", answer: json({ success: true, contact: [] }), expected: { error: "invalid_response" } },
  { name: "contact: [a contact]", answer: json({ success: true, contact: [buildContact()] }), expected: { error: "invalid_response" } },
  { name: 'contact: "a string"', answer: json({ success: true, contact: "John Doe" }), expected: { error: "invalid_response" } },
  { name: "contact: 42", answer: json({ success: true, contact: 42 }), expected: { error: "invalid_response" } },
  { name: "no contact at all", answer: json({ success: true }), expected: { error: "invalid_response" } },
  { name: "a JSON null", answer: json(null), expected: { error: "invalid_response" } },
  { name: "a JSON array", answer: json([okBody()]), expected: { error: "invalid_response" } },
  { name: "a JSON string", answer: json("success"), expected: { error: "invalid_response" } },
  { name: "a JSON number", answer: json(200), expected: { error: "invalid_response" } },
  { name: "a contact whose id is a number", answer: json(okBody({ id: 42 })), expected: { error: "invalid_response", message: /no id/ } },
  { name: "a contact whose id is empty", answer: json(okBody({ id: "" })), expected: { error: "invalid_response" } },
  { name: "a contact whose id is blank", answer: json(okBody({ id: " \t" })), expected: { error: "invalid_response" } },
  { name: "a contact whose id is null", answer: json(okBody({ id: null })), expected: { error: "invalid_response" } },
  { name: "a contact with no id", answer: json({ success: true, contact: { full_name: "No Id" } }), expected: { error: "invalid_response" } },
  { name: "a contact with only an id (missing fields)", answer: json({ success: true, contact: { id: "c-1" } }), expected: {
    contact: { id: "c-1", full_name: null, email: null, tags: [], blocked: false, allow_broadcast: false, source: null, created_at: null },
  } },
  { name: "success missing but a contact present", answer: json({ contact: buildContact() }), expected: { contact: { id: buildContact().id } } },
  { name: "a JSON body served as text/html", answer: text(JSON.stringify(okBody()), 200, "text/html"), expected: { contact: { full_name: "John Doe" } } },
  { name: "a byte-order mark before the JSON", answer: text(`\uFEFF${JSON.stringify(okBody())}`, 200, "application/json"), expected: { contact: { full_name: "John Doe" } } },
  { name: "an unknown bot_status", answer: json(okBody({ bot_status: "hibernating" })), expected: { contact: { bot_status: "hibernating" } } },
  { name: "a missing source", answer: json(okBody({ source: undefined })), expected: { contact: { source: null } } },
  { name: "a source with none of its fields", answer: json(okBody({ source: {} })), expected: { contact: { source: { type: null, location: null, created_at: null } } } },
  { name: "dates that do not parse", answer: json(okBody({ created_at: "yesterday-ish", updated_at: "2025-13-45T99:99:99Z", source: { type: "api", created_at: "" } })), expected: {
    // Kept as sent: the card is the place that refuses to show a date it cannot read.
    contact: { created_at: "yesterday-ish", updated_at: "2025-13-45T99:99:99Z", source: { type: "api", location: null, created_at: "" } },
  } },
  { name: "a __proto__ key in the contact", answer: text('{"success":true,"contact":{"id":"p-1","__proto__":{"blocked":true,"full_name":"Injected"}}}', 200, "application/json"), expected: {
    contact: (contact) => {
      expect(contact.blocked).toBe(false);
      expect(contact.full_name).toBeNull();
      expect(({} as Record<string, unknown>).blocked).toBeUndefined();
    },
  } },
  { name: "a field nested 10,000 arrays deep", answer: text(`{"success":true,"contact":{"id":"d-1","tags":${"[".repeat(10_000)}${"]".repeat(10_000)}}}`, 200, "application/json"), expected: { contact: { id: "d-1", tags: [] } } },
];

const big: Row[] = [
  { name: "10,000 tags", answer: json(okBody({ tags: Array.from({ length: 10_000 }, (_, i) => `tag-${i}`) })), expected: {
    contact: (contact) => {
      expect(contact.tags).toHaveLength(10_000);
      expect(contact.tags[9_999]).toBe("tag-9999");
    },
  } },
  { name: "a 1 MB name", answer: json(okBody({ full_name: "N".repeat(MB) })), expected: {
    contact: (contact) => expect(contact.full_name).toHaveLength(MB),
  } },
  { name: "a 6 MB body", answer: json({ ...okBody({ contact_summary: "s".repeat(3 * MB) }), padding: "p".repeat(3 * MB) }), expected: {
    contact: (contact) => expect(contact.contact_summary).toHaveLength(3 * MB),
  } },
  { name: "a 1 MB HTML error page with 500", answer: text(`<html>${"x".repeat(MB)}</html>`, 500), expected: { error: "server", status: 500, message: /^The API failed \(500\)\.$/ }, retried: true },
  { name: "a 1 MB API message with 401", answer: json({ error: "Unauthorized", message: "m".repeat(MB) }, 401), expected: {
    // The API's own words are kept, but not a megabyte of them.
    error: "unauthorized", message: /^m{1,500}$/,
  } },
];

describe("getContact given hostile responses", () => {
  describe.each([
    ["non-JSON bodies", nonJson],
    ["empty bodies", empty],
    ["bodies of the wrong shape", shapes],
    ["huge bodies", big],
  ] as const)("%s", (_family, rows) => {
    it.each(rows)("answers $name as the row expects, retrying only if it should", runRow);
  });
});

const STRING_FIELDS = [
  "full_name",
  "whatsapp_id",
  "phone_number",
  "email",
  "organization_id",
  "bot_status",
  "contact_summary",
  "contact_summary_updated_at",
  "created_at",
  "updated_at",
] as const;
const BOOLEAN_FIELDS = ["allow_broadcast", "archived", "blocked", "active_status", "has_unread_messages"] as const;

const wrongForString: unknown[] = [42, true, {}, [], ["x"], { text: "x" }];
const wrongForBoolean: unknown[] = ["true", 1, "yes", {}, [], null];

const wrongTypes: Row[] = [
  ...STRING_FIELDS.flatMap((field) =>
    wrongForString.map((value): Row => ({
      name: `${field} = ${JSON.stringify(value)}`,
      answer: json(okBody({ [field]: value })),
      expected: { contact: { id: buildContact().id, [field]: null } },
    })),
  ),
  ...BOOLEAN_FIELDS.flatMap((field) =>
    wrongForBoolean.map((value): Row => ({
      name: `${field} = ${JSON.stringify(value)}`,
      answer: json(okBody({ [field]: value })),
      expected: { contact: { id: buildContact().id, [field]: false } },
    })),
  ),
  { name: 'tags = "a,b"', answer: json(okBody({ tags: "a,b" })), expected: { contact: { tags: [] } } },
  { name: "tags = {}", answer: json(okBody({ tags: { 0: "a" } })), expected: { contact: { tags: [] } } },
  { name: "tags of mixed types", answer: json(okBody({ tags: [1, null, {}, [], "vip", "  ", true, 2.5] })), expected: { contact: { tags: ["1", "vip", "2.5"] } } },
  { name: 'source = "api"', answer: json(okBody({ source: "api" })), expected: { contact: { source: null } } },
  { name: "source = []", answer: json(okBody({ source: [] })), expected: { contact: { source: null } } },
  { name: "source fields of the wrong types", answer: json(okBody({ source: { type: 7, location: [1, 2], created_at: false } })), expected: {
    contact: { source: { type: null, location: null, created_at: null } },
  } },
  { name: "a source location with nested values", answer: json(okBody({ source: { type: "api", location: { city: "Durban", geo: { lat: 1 }, list: [1] } } })), expected: {
    contact: (contact) => expect(contact.source?.location).toEqual({ city: "Durban" }),
  } },
];

describe("getContact given a contact with the wrong type in a field", () => {
  it.each(wrongTypes)("reads $name leniently, as missing", runRow);
});

describe("getContact given a JSON body nested too deep to parse", () => {
  it("fails with invalid_response rather than a stack overflow", async () => {
    const depth = 2_000_000;
    const requests = answerWith(text(`{"success":true,"contact":${"[".repeat(depth)}${"]".repeat(depth)}}`, 200, "application/json"));
    const outcome = await fetchContact();
    expect(outcome.kind === "error" ? outcome.code : outcome.kind).toBe("invalid_response");
    expect(requests).toHaveLength(1);
  });
});
