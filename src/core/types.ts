/**
 * Where a contact came from, as the API reports it.
 * @example const source: ContactSource = { type: "whatsapp", location: "Johannesburg", created_at: "2025-03-14T09:30:00Z" };
 */
export type ContactSource = {
  /** How the contact was added, e.g. `"api"`, `"whatsapp"`, `"import"`. */
  type: string | null;
  /** Free-form location data; the API sends `{}` when it has none. */
  location: ContactLocation | null;
  created_at: string | null;
};

/**
 * A location is either free text or a flat object of named parts.
 * @example const location: ContactLocation = { city: "Johannesburg", country: "South Africa" };
 */
export type ContactLocation = string | Record<string, string | number | boolean | null>;

/**
 * Known bot states; the API may send others, which are kept as they are.
 * @example const isBotOn = (status: BotStatus | null) => status === "active";
 */
export type BotStatus = "active" | "paused" | "inactive" | (string & {});

/**
 * A FlowIQ contact, with the API's own snake_case field names.
 * Every field but `id` is read leniently: missing strings are `null`,
 * missing booleans `false`, missing tags `[]`.
 * @example
 * const { data } = useContact({ phoneNumber: "+27 12 345 6789" });
 * const contact: Contact | null | undefined = data; // null: FlowIQ has no such contact
 * const name = contact?.full_name ?? contact?.phone_number;
 */
export type Contact = {
  id: string;
  full_name: string | null;
  whatsapp_id: string | null;
  phone_number: string | null;
  email: string | null;
  tags: string[];
  organization_id: string | null;
  bot_status: BotStatus | null;
  allow_broadcast: boolean;
  archived: boolean;
  blocked: boolean;
  active_status: boolean;
  has_unread_messages: boolean;
  source: ContactSource | null;
  contact_summary: string | null;
  contact_summary_updated_at: string | null;
  created_at: string | null;
  updated_at: string | null;
};

/**
 * How to find a contact: by phone number or by WhatsApp id (both digits).
 * @example
 * const byPhone: ContactLookup = { phoneNumber: "+27 12 345 6789" };
 * const byWhatsApp: ContactLookup = { whatsappId: "27123456789" };
 */
export type ContactLookup = { phoneNumber: string } | { whatsappId: string };

/**
 * A lookup after {@link normalizeLookup}: the digits and the parameter the caller used.
 * @example normalizeLookup({ whatsappId: "+27 12 345 6789" }) // { digits: "27123456789", param: "whatsapp_id" }
 */
export type NormalizedLookup = {
  digits: string;
  param: "phone_number" | "whatsapp_id";
};

/**
 * Connection settings of a client (`createFlowIQClient`), also taken by `getContact` for a one-off read.
 * @example
 * // On the server, straight to the API:
 * const config: FlowIQConfig = { tenantId: "acme", apiKey: process.env.FLOWIQ_API_KEY! };
 * // In a browser, through your own proxy route (no key):
 * const browserConfig: FlowIQConfig = { tenantId: "acme", baseUrl: "/api/flowiq" };
 */
export type FlowIQConfig = {
  /** The tenant slug. Required; an empty one is a `config` error and never a request. */
  tenantId: string;
  /**
   * The API key, or a function returning it (called once per request).
   * Omit it when `baseUrl` is your own proxy, so the key never reaches the browser.
   */
  apiKey?: string | (() => string | Promise<string>);
  /**
   * The API root. May be relative (`"/api/flowiq"`) in a browser.
   * @default "https://api.flowiq.live"
   */
  baseUrl?: string;
  /** The fetch to use; resolved when each request is made. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Extra request headers. `Authorization` is always the one made from `apiKey`. */
  headers?: Record<string, string>;
  /** Milliseconds before a request (body included) fails with code `timeout`. @default 10000 */
  timeoutMs?: number;
  /** Requests in flight at once, per client (every provider, hook and prefetch using it). @default 6 */
  maxConcurrentRequests?: number;
};

export const DEFAULT_BASE_URL = "https://api.flowiq.live";
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 6;

/** A base URL without its trailing slashes (the default API when none is given). */
export function apiRoot(baseUrl: string = DEFAULT_BASE_URL): string {
  return baseUrl.trim().replace(/\/+$/, "");
}
