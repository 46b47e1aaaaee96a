import { FlowIQError } from "./FlowIQError.js";
import type { Contact, ContactLocation, ContactSource } from "./types.js";

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const bool = (value: unknown): boolean => value === true;

function tags(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const tag of value) {
    const text = typeof tag === "string" ? tag.trim() : typeof tag === "number" && Number.isFinite(tag) ? String(tag) : "";
    if (text) out.push(text);
  }
  return out;
}

function location(value: unknown): ContactLocation | null {
  if (typeof value === "string") return value.trim() ? value : null;
  if (!isRecord(value)) return null;
  const out: Record<string, string | number | boolean | null> = {};
  let any = false;
  for (const [key, part] of Object.entries(value)) {
    if (typeof part === "string" || typeof part === "boolean" || part === null || (typeof part === "number" && Number.isFinite(part))) {
      out[key] = part;
      any = true;
    }
  }
  return any ? out : {};
}

function source(value: unknown): ContactSource | null {
  if (!isRecord(value)) return null;
  return { type: str(value.type), location: location(value.location), created_at: str(value.created_at) };
}

/**
 * Reads one contact object leniently. Only `id` is required (a non-empty string);
 * everything else falls back to `null`, `false` or `[]`.
 */
export function parseContact(value: unknown): Contact {
  if (!isRecord(value)) {
    throw new FlowIQError("invalid_response", "The API's contact is not an object.");
  }
  const id = value.id;
  if (typeof id !== "string" || id.trim() === "") {
    throw new FlowIQError("invalid_response", "The API's contact has no id.");
  }
  return {
    id,
    full_name: str(value.full_name),
    whatsapp_id: str(value.whatsapp_id),
    phone_number: str(value.phone_number),
    email: str(value.email),
    tags: tags(value.tags),
    organization_id: str(value.organization_id),
    bot_status: str(value.bot_status),
    allow_broadcast: bool(value.allow_broadcast),
    archived: bool(value.archived),
    blocked: bool(value.blocked),
    active_status: bool(value.active_status),
    has_unread_messages: bool(value.has_unread_messages),
    source: source(value.source),
    contact_summary: str(value.contact_summary),
    contact_summary_updated_at: str(value.contact_summary_updated_at),
    created_at: str(value.created_at),
    updated_at: str(value.updated_at),
  };
}

/** Checks a 200 body: `{ success: true, contact: {…} }`. Anything else is `invalid_response`. */
export function parseContactResponse(body: unknown, status = 200): Contact {
  if (!isRecord(body)) {
    throw new FlowIQError("invalid_response", "The API answered with something other than a JSON object.", { status });
  }
  if (body.success === false) {
    const message = str(body.message) ?? str(body.error);
    throw new FlowIQError("invalid_response", message ? `The API reported a failure: ${message}` : "The API reported success: false.", { status });
  }
  if (!isRecord(body.contact)) {
    throw new FlowIQError("invalid_response", "The API's answer has no contact object.", { status });
  }
  try {
    return parseContact(body.contact);
  } catch (error) {
    throw new FlowIQError("invalid_response", (error as Error).message, { status });
  }
}
