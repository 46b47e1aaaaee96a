/**
 * Every string the contact card shows. Pass a partial object as the `labels`
 * prop to translate or reword any of them; strings that hold a value are functions.
 * Complete sets for other languages ship in `@flowiq/react/locales`.
 * @example <ContactCard phoneNumber="…" labels={{ phone: "Telefon", moreTags: (n) => `+${n} weitere` }} />
 */
export type ContactCardLabels = {
  /** Hidden text read out while the card loads. @default "Loading contact…" */
  loading: string;
  /**
   * The not-found card's explanation, under the number as its title; receives the number as shown.
   * @default () => "No contact in FlowIQ has this number yet."
   */
  notFound: (number: string) => string;
  /** The heading when a contact has neither a name nor a usable number. @default "Unknown contact" */
  unknownContact: string;
  /** Accessible name of the list of status badges. @default "Status" */
  status: string;
  /**
   * The bot-status badge; receives the API's value.
   * @default "Bot active" / "Bot paused" / "Bot off" (`inactive`), else `Bot: ${value}` with `_` and `-` read as spaces
   */
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
  /** Accessible name of the WhatsApp link; receives its number as shown, which it should contain. @default (n) => `${n} on WhatsApp` */
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
  /**
   * The rate-limited card's countdown before it tries again by itself; receives the time left
   * as `m:ss` and in seconds. @default (time) => `Trying again in ${time}`
   */
  retryingIn: (time: string, seconds: number) => string;
  /** Title for error code `config`. @default "Contacts are not set up" */
  errorConfigTitle: string;
  /** Error code `config` (no tenant, say). @default "This app is not connected to FlowIQ yet. Ask your administrator to finish the setup." */
  errorConfig: string;
  /** Title for error code `invalid_lookup`. @default "Not a phone number" */
  errorInvalidLookupTitle: string;
  /** Error code `invalid_lookup`. @default "This doesn't look like a phone number, so there is no contact to look up." */
  errorInvalidLookup: string;
  /** Title for error code `unauthorized` (401). @default "Contacts are unavailable" */
  errorUnauthorizedTitle: string;
  /** Error code `unauthorized` (401). @default "FlowIQ did not accept this app's sign-in. Ask your administrator to check the connection." */
  errorUnauthorized: string;
  /** Title for error code `forbidden` (403). @default "No access to this contact" */
  errorForbiddenTitle: string;
  /** Error code `forbidden` (403). @default "Your workspace may not view this contact. Ask your administrator for access." */
  errorForbidden: string;
  /** Title for error code `rate_limited` (429). @default "Too many lookups" */
  errorRateLimitedTitle: string;
  /** Error code `rate_limited` (429). @default "FlowIQ is busy with many requests right now." */
  errorRateLimited: string;
  /** Title for error code `server` (5xx). @default "FlowIQ had a problem" */
  errorServerTitle: string;
  /** Error code `server` (5xx). @default "Something went wrong on FlowIQ's side. Try again in a moment." */
  errorServer: string;
  /** Title for error code `network`. @default "Can't reach FlowIQ" */
  errorNetworkTitle: string;
  /** Error code `network`. @default "Check your internet connection, then try again." */
  errorNetwork: string;
  /** Title for error code `timeout`. @default "FlowIQ is slow to answer" */
  errorTimeoutTitle: string;
  /** Error code `timeout`. @default "The lookup took too long. Try again in a moment." */
  errorTimeout: string;
  /** Title for error code `invalid_response`. @default "Contact couldn't be loaded" */
  errorInvalidResponseTitle: string;
  /**
   * Error code `invalid_response` (a body that is not the API's, or a misrouted proxy).
   * @default "FlowIQ's answer couldn't be read. If this keeps happening, tell your administrator."
   */
  errorInvalidResponse: string;
  /** The hint a `ContactChip` shows after a number that has no contact. @default "Unknown contact" */
  unknownContactHint: string;
  /** Accessible name of a `ContactHoverCard`'s popover; receives the contact's name (else its number). @default (name) => name */
  hoverCardLabel: (name: string) => string;
};

// Maps, not objects: an API value of "constructor" or "__proto__" must not find Object's own members.
const SOURCE_TYPES = new Map([
  ["api", "API"],
  ["whatsapp", "WhatsApp"],
  ["import", "Import"],
]);
const BOT_STATUSES = new Map([
  ["active", "Bot active"],
  ["paused", "Bot paused"],
  ["inactive", "Bot off"],
]);

/** An API value as words: `human_handover` → `human handover` (leading and trailing marks kept). */
export function readableValue(value: string): string {
  return value.replace(/(?<=[\p{L}\p{N}])[_-]+(?=[\p{L}\p{N}])/gu, " ");
}

/** Seconds as `m:ss`, for the rate-limit countdown. */
export function clockTime(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** The English strings the card uses unless `labels` overrides them. */
export const defaultContactCardLabels: ContactCardLabels = {
  loading: "Loading contact…",
  notFound: () => "No contact in FlowIQ has this number yet.",
  unknownContact: "Unknown contact",
  status: "Status",
  botStatus: (status) => BOT_STATUSES.get(status) ?? `Bot: ${readableValue(status)}`,
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
  retryingIn: (time) => `Trying again in ${time}`,
  errorConfigTitle: "Contacts are not set up",
  errorConfig: "This app is not connected to FlowIQ yet. Ask your administrator to finish the setup.",
  errorInvalidLookupTitle: "Not a phone number",
  errorInvalidLookup: "This doesn't look like a phone number, so there is no contact to look up.",
  errorUnauthorizedTitle: "Contacts are unavailable",
  errorUnauthorized: "FlowIQ did not accept this app's sign-in. Ask your administrator to check the connection.",
  errorForbiddenTitle: "No access to this contact",
  errorForbidden: "Your workspace may not view this contact. Ask your administrator for access.",
  errorRateLimitedTitle: "Too many lookups",
  errorRateLimited: "FlowIQ is busy with many requests right now.",
  errorServerTitle: "FlowIQ had a problem",
  errorServer: "Something went wrong on FlowIQ's side. Try again in a moment.",
  errorNetworkTitle: "Can't reach FlowIQ",
  errorNetwork: "Check your internet connection, then try again.",
  errorTimeoutTitle: "FlowIQ is slow to answer",
  errorTimeout: "The lookup took too long. Try again in a moment.",
  errorInvalidResponseTitle: "Contact couldn't be loaded",
  errorInvalidResponse: "FlowIQ's answer couldn't be read. If this keeps happening, tell your administrator.",
  unknownContactHint: "Unknown contact",
  hoverCardLabel: (name) => name,
};

/**
 * The title and sentence for an error code, one rule for every component that shows one:
 * `invalid_lookup` reads `errorInvalidLookupTitle` and `errorInvalidLookup`; a code with no labels reads as `server`.
 */
export function errorLabels(labels: ContactCardLabels, code: string): { title: string; message: string } {
  const key = `error${code.replace(/(?:^|_)(\w)/g, (_, letter: string) => letter.toUpperCase())}`;
  const title = labels[`${key}Title` as keyof ContactCardLabels];
  const message = labels[key as keyof ContactCardLabels];
  return typeof title === "string" && typeof message === "string"
    ? { title, message }
    : { title: labels.errorServerTitle, message: labels.errorServer };
}

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
