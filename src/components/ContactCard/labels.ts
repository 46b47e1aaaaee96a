/**
 * Every string the contact card shows. Pass a partial object as the `labels`
 * prop to translate or reword any of them; strings that hold a value are functions.
 * @example <ContactCard phoneNumber="…" labels={{ phone: "Telefon", moreTags: (n) => `+${n} weitere` }} />
 */
export type ContactCardLabels = {
  /** Hidden text read out while the card loads. @default "Loading contact…" */
  loading: string;
  /** The not-found message; receives the number looked up as `+<digits>`. @default (n) => `No contact found for ${n}.` */
  notFound: (number: string) => string;
  /** The heading when a contact has neither a name nor a usable number. @default "Unknown contact" */
  unknownContact: string;
  /** Accessible name of the list of status badges. @default "Status" */
  status: string;
  /** The bot-status badge; receives the API's value. @default "Bot active" / "Bot paused" / `Bot: ${status}` */
  botStatus: (status: string) => string;
  /** Badge for `blocked: true`. @default "Blocked" */
  blocked: string;
  /** Badge for `archived: true`. @default "Archived" */
  archived: string;
  /** Badge for a contact that takes no broadcasts (`allow_broadcast: false`). @default "No broadcasts" */
  broadcastOptOut: string;
  /** Badge for `active_status: true`. @default "Online" */
  online: string;
  /** Badge for `has_unread_messages: true`. @default "Unread messages" */
  unread: string;
  /** @default "Phone" */
  phone: string;
  /** @default "WhatsApp" */
  whatsapp: string;
  /** Accessible name of the WhatsApp link; receives its number as `+<digits>`, which it should contain. @default (n) => `${n} on WhatsApp` */
  whatsappLink: (number: string) => string;
  /**
   * Text of the WhatsApp link when its number is the phone number shown above it, so the two rows
   * do not repeat the digits; its accessible name is this, a comma, then `whatsappLink`. @default "Open chat"
   */
  whatsappChat: string;
  /** @default "Email" */
  email: string;
  /** Accessible name of a copy button; receives the value as shown. @default (value) => `Copy ${value}` */
  copy: (value: string) => string;
  /** Announced (politely) once a value is on the clipboard. @default "Copied" */
  copied: string;
  /** Announced when the browser has no clipboard or refuses it. @default "Could not copy" */
  copyFailed: string;
  /** Accessible name of the tag list. @default "Tags" */
  tags: string;
  /** The button that shows the hidden tags; receives how many are hidden. @default (n) => `+${n} more` */
  moreTags: (hidden: number) => string;
  /** The same button once every tag is shown. @default "Show fewer" */
  fewerTags: string;
  /** @default "Source" */
  source: string;
  /** How a source type reads; receives the API's value. @default "API", "WhatsApp", "Import", else the value itself */
  sourceType: (type: string) => string;
  /** @default "Location" */
  location: string;
  /** Label of the date the contact was added. @default "Added" */
  added: string;
  /** @default "Summary" */
  summary: string;
  /** The summary's date line; receives the formatted date. @default (date) => `Updated ${date}` */
  summaryUpdated: (date: string) => string;
  /** The retry button of a failed card. @default "Try again" */
  retry: string;
  /** Error code `config` (no tenant, say). @default "FlowIQ is not set up: check the tenant and connection settings." */
  errorConfig: string;
  /** Error code `invalid_lookup`. @default "This is not a valid phone number." */
  errorInvalidLookup: string;
  /** Error code `unauthorized` (401). @default "FlowIQ refused the API key." */
  errorUnauthorized: string;
  /** Error code `forbidden` (403). @default "This key may not read this contact." */
  errorForbidden: string;
  /** Error code `rate_limited` (429). @default "Too many requests to FlowIQ. Try again in a moment." */
  errorRateLimited: string;
  /** Error code `server` (5xx). @default "FlowIQ had a problem answering." */
  errorServer: string;
  /** Error code `network`. @default "Could not reach FlowIQ. Check the connection." */
  errorNetwork: string;
  /** Error code `timeout`. @default "FlowIQ took too long to answer." */
  errorTimeout: string;
  /** Error code `invalid_response` (a body that is not the API's, or a misrouted proxy). @default "FlowIQ sent an answer that could not be read." */
  errorInvalidResponse: string;
};

// A Map, not an object: a source type of "constructor" or "__proto__" must not find Object's own members.
const SOURCE_TYPES = new Map([
  ["api", "API"],
  ["whatsapp", "WhatsApp"],
  ["import", "Import"],
]);

/** The English strings the card uses unless `labels` overrides them. */
export const defaultContactCardLabels: ContactCardLabels = {
  loading: "Loading contact…",
  notFound: (number) => `No contact found for ${number}.`,
  unknownContact: "Unknown contact",
  status: "Status",
  botStatus: (status) => (status === "active" ? "Bot active" : status === "paused" ? "Bot paused" : `Bot: ${status}`),
  blocked: "Blocked",
  archived: "Archived",
  broadcastOptOut: "No broadcasts",
  online: "Online",
  unread: "Unread messages",
  phone: "Phone",
  whatsapp: "WhatsApp",
  whatsappLink: (number) => `${number} on WhatsApp`,
  whatsappChat: "Open chat",
  email: "Email",
  copy: (value) => `Copy ${value}`,
  copied: "Copied",
  copyFailed: "Could not copy",
  tags: "Tags",
  moreTags: (hidden) => `+${hidden} more`,
  fewerTags: "Show fewer",
  source: "Source",
  sourceType: (type) => SOURCE_TYPES.get(type.toLowerCase()) ?? type,
  location: "Location",
  added: "Added",
  summary: "Summary",
  summaryUpdated: (date) => `Updated ${date}`,
  retry: "Try again",
  errorConfig: "FlowIQ is not set up: check the tenant and connection settings.",
  errorInvalidLookup: "This is not a valid phone number.",
  errorUnauthorized: "FlowIQ refused the API key.",
  errorForbidden: "This key may not read this contact.",
  errorRateLimited: "Too many requests to FlowIQ. Try again in a moment.",
  errorServer: "FlowIQ had a problem answering.",
  errorNetwork: "Could not reach FlowIQ. Check the connection.",
  errorTimeout: "FlowIQ took too long to answer.",
  errorInvalidResponse: "FlowIQ sent an answer that could not be read.",
};

/** The defaults with each layer of overrides on top, in order (the defaults object itself when there are none). */
export function resolveLabels(...layers: (Partial<ContactCardLabels> | undefined)[]): ContactCardLabels {
  let out: Record<string, unknown> | undefined;
  for (const layer of layers) {
    if (!layer) continue;
    out ??= { ...defaultContactCardLabels };
    // An explicit `undefined` keeps the default rather than printing "undefined".
    for (const [key, value] of Object.entries(layer)) if (value !== undefined && value !== null) out[key] = value;
  }
  return (out ?? defaultContactCardLabels) as ContactCardLabels;
}
