import { FlowIQError } from "./FlowIQError.js";
import type { Contact, ContactLocation } from "./types.js";

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

const STRINGS = [
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
const FLAGS = ["allow_broadcast", "archived", "blocked", "active_status", "has_unread_messages"] as const;

function location(value: unknown): ContactLocation | null {
  if (typeof value === "string") return value.trim() ? value : null;
  if (!isRecord(value)) return null;
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, part] of Object.entries(value)) {
    if (part === null || ["string", "boolean"].includes(typeof part) || Number.isFinite(part)) {
      out[key] = part as string | number | boolean | null;
    }
  }
  return out;
}

/**
 * Reads one contact object leniently. Only `id` is required (a non-empty string);
 * other strings fall back to `null`, booleans to `false` (only `true` is true), tags to `[]`.
 */
export function parseContact(value: unknown, status?: number): Contact {
  const fail = (message: string) => new FlowIQError("invalid_response", message, status === undefined ? {} : { status });
  if (!isRecord(value)) throw fail("The API's contact is not an object.");
  if (typeof value.id !== "string" || !value.id.trim()) throw fail("The API's contact has no id.");
  const contact = { id: value.id } as Record<string, unknown>;
  for (const field of STRINGS) contact[field] = str(value[field]);
  for (const field of FLAGS) contact[field] = value[field] === true;
  contact.tags = Array.isArray(value.tags)
    ? value.tags
        .map((tag: unknown) => (typeof tag === "string" ? tag.trim() : Number.isFinite(tag) ? String(tag) : ""))
        .filter(Boolean)
    : [];
  const source = value.source;
  contact.source = isRecord(source)
    ? { type: str(source.type), location: location(source.location), created_at: str(source.created_at) }
    : null;
  return contact as Contact;
}

/**
 * Checks a 200 body: `{ success: true, contact: {…} }`. Anything else is `invalid_response`.
 * @example
 * const response = await fetch(url, { headers });
 * const contact = parseContactResponse(await response.json(), response.status);
 */
export function parseContactResponse(body: unknown, status = 200): Contact {
  const fail = (message: string) => new FlowIQError("invalid_response", message, { status });
  if (!isRecord(body)) throw fail("The API answered with something other than a JSON object.");
  if (body.success === false) {
    const said = str(body.message) ?? str(body.error);
    throw fail(said ? `The API reported a failure: ${said}` : "The API reported success: false.");
  }
  if (!isRecord(body.contact)) throw fail("The API's answer has no contact object.");
  return parseContact(body.contact, status);
}
