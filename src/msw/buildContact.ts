import type { Contact } from "../core/types.js";

/**
 * A complete, deterministic contact (the API reference's example), with any
 * fields replaced by `overrides`.
 * @example buildContact({ full_name: "Thandi Nkosi", tags: ["vip"] })
 */
export function buildContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: "123e4567-e89b-12d3-a456-426614174000",
    full_name: "John Doe",
    whatsapp_id: "27123456789",
    phone_number: "+27123456789",
    email: "john@example.com",
    tags: ["customer", "premium"],
    organization_id: "org-uuid-here",
    bot_status: "active",
    allow_broadcast: true,
    archived: false,
    blocked: false,
    active_status: false,
    has_unread_messages: false,
    source: { type: "api", location: {}, created_at: "2025-12-11T10:30:00Z" },
    contact_summary: null,
    contact_summary_updated_at: null,
    created_at: "2025-12-11T10:30:00Z",
    updated_at: "2025-12-11T10:30:00Z",
    ...overrides,
  };
}
