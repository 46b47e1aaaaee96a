import type { FlowIQErrorCode } from "../../core/FlowIQError.js";

/**
 * What a failed card says for one error code: a short title and one plain sentence.
 * @example labels={{ errors: { network: { title: "Offline", sentence: "Check your connection and try again." } } }}
 */
export type ContactErrorLabel = {
  title: string;
  sentence: string;
};

/**
 * A text that depends on a count, one per plural category of the labels' language
 * (`Intl.PluralRules`: `zero`, `one`, `two`, `few`, `many`, `other`); `other` is required and
 * used for any category left out. `{count}` is replaced by the number.
 * @example labels={{ moreTags: { one: "+{count} more tag", other: "+{count} more tags" } }}
 */
export type ContactPluralLabel = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Every string the contact components show, as plain data (no functions), so a complete set
 * can be handed from a server component to a client one. Pass part of it as the `labels` prop
 * (or to `ContactDisplayProvider`) to translate or reword any of it. Texts that hold a value
 * name it in braces (`"{number} on WhatsApp"`). Complete sets for other languages ship in
 * `@flowiq/react/locales`.
 * @example <ContactCard phoneNumber="…" labels={{ phone: "Telefon", moreTags: { one: "+{count} weiteres", other: "+{count} weitere" } }} />
 */
export type ContactCardLabels = {
  /** BCP 47 language of these words, for choosing plural forms. @default "en" */
  language: string;
  /**
   * What joins the parts of one line: a location's city, region and country, and the two halves of
   * the chat link's accessible name. `Intl.ListFormat` would add "and"/"und", which a place does not read with.
   * @default ", "
   */
  separator: string;
  /** Hidden text read out while the card loads. @default "Loading contact…" */
  loading: string;
  /** The not-found card's explanation, under the number as its title; `{number}` is the number as shown. @default "No contact in FlowIQ has this number yet." */
  notFound: string;
  /** The heading when a contact has neither a name nor a usable number. @default "Unknown contact" */
  unknownContact: string;
  /** Accessible name of the list of status badges. @default "Status" */
  status: string;
  /** The bot-status badge for the API's known values. @default { active: "Bot active", paused: "Bot paused", inactive: "Bot off" } */
  botStatuses: { active: string; paused: string; inactive: string };
  /** The bot-status badge for any other value; `{status}` is the value with `_` and `-` read as spaces. @default "Bot: {status}" */
  botStatusOther: string;
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
  /** Accessible name of the WhatsApp link; `{number}` is its number as shown, which it should contain. @default "{number} on WhatsApp" */
  whatsappLink: string;
  /**
   * Text of the WhatsApp link when its number is the phone number shown above it, so the two rows
   * do not repeat the digits; its accessible name is this and `whatsappLink`, joined as a list in
   * the labels' `language`. @default "Open chat"
   */
  whatsappChat: string;
  /** @default "Email" */
  email: string;
  /** Accessible name of a copy button; `{value}` is the value as shown. @default "Copy {value}" */
  copy: string;
  /** Announced (politely) once a value is on the clipboard. @default "Copied" */
  copied: string;
  /** Announced when the browser has no clipboard or refuses it. @default "Could not copy" */
  copyFailed: string;
  /** Accessible name of the tag list. @default "Tags" */
  tags: string;
  /** The button that shows the hidden tags, per plural form; `{count}` is how many are hidden. @default { other: "+{count} more" } */
  moreTags: ContactPluralLabel;
  /** The same button once every tag is shown. @default "Show fewer" */
  fewerTags: string;
  /** @default "Source" */
  source: string;
  /** How the API's known source types read. @default { api: "API", whatsapp: "WhatsApp", import: "Import" } */
  sourceTypes: { api: string; whatsapp: string; import: string };
  /** How any other source type reads; `{type}` is the value with `_` and `-` read as spaces. @default "{type}" */
  sourceTypeOther: string;
  /** @default "Location" */
  location: string;
  /** Label of the date the contact was added. @default "Added" */
  added: string;
  /** @default "Summary" */
  summary: string;
  /** The summary's date line; `{date}` is the formatted date. @default "Updated {date}" */
  summaryUpdated: string;
  /** The retry button of a failed card. @default "Try again" */
  retry: string;
  /** The rate-limited card's countdown; `{time}` is the time left as `m:ss`, `{seconds}` in seconds. @default "Trying again in {time}" */
  retryingIn: string;
  /**
   * The title and sentence of a failed card, and the chip's error marker, for every error code.
   * Keyed by `FlowIQErrorCode`, so a new code is a type error until it has words.
   */
  errors: Record<FlowIQErrorCode, ContactErrorLabel>;
  /** The hint a `ContactChip` shows after a number that has no contact. @default "Unknown contact" */
  unknownContactHint: string;
  /** Accessible name of a `ContactHoverCard`'s popover; `{name}` is the contact's name (else its number). @default "{name}" */
  hoverCardLabel: string;
};

/**
 * Part of a {@link ContactCardLabels}, as the `labels` prop and `ContactDisplayProvider` take it:
 * any key, and within the grouped ones (`errors`, `botStatuses`, `sourceTypes`, `moreTags`) any entry.
 * @example const labels: ContactLabelOverrides = { errors: { session_refused: { title: "Signed out" } } };
 */
export type ContactLabelOverrides = {
  [K in keyof ContactCardLabels]?: ContactCardLabels[K] extends string
    ? string
    : K extends "errors"
      ? { [C in FlowIQErrorCode]?: Partial<ContactErrorLabel> }
      : Partial<ContactCardLabels[K]>;
};

/**
 * The English strings the components use unless `labels` overrides them.
 * @example <ContactCard phoneNumber={phone} labels={{ notFound: `${defaultContactCardLabels.notFound} Add them?` }} />
 */
export const defaultContactCardLabels: ContactCardLabels = {
  language: "en",
  separator: ", ",
  loading: "Loading contact…",
  notFound: "No contact in FlowIQ has this number yet.",
  unknownContact: "Unknown contact",
  status: "Status",
  botStatuses: { active: "Bot active", paused: "Bot paused", inactive: "Bot off" },
  botStatusOther: "Bot: {status}",
  blocked: "Blocked",
  archived: "Archived",
  broadcastOptOut: "No broadcasts",
  online: "Online",
  unread: "Unread messages",
  phone: "Phone",
  whatsapp: "WhatsApp",
  whatsappLink: "{number} on WhatsApp",
  whatsappChat: "Open chat",
  email: "Email",
  copy: "Copy {value}",
  copied: "Copied",
  copyFailed: "Could not copy",
  tags: "Tags",
  moreTags: { other: "+{count} more" },
  fewerTags: "Show fewer",
  source: "Source",
  sourceTypes: { api: "API", whatsapp: "WhatsApp", import: "Import" },
  sourceTypeOther: "{type}",
  location: "Location",
  added: "Added",
  summary: "Summary",
  summaryUpdated: "Updated {date}",
  retry: "Try again",
  retryingIn: "Trying again in {time}",
  errors: {
    config: {
      title: "Contacts are not set up",
      sentence: "This app is not connected to FlowIQ yet. Ask your administrator to finish the setup.",
    },
    invalid_lookup: {
      title: "Not a phone number",
      sentence: "This doesn't look like a phone number, so there is no contact to look up.",
    },
    session_refused: { title: "Your session has ended", sentence: "Sign in again to see this contact." },
    unauthorized: {
      title: "This app's FlowIQ key was refused",
      sentence: "Ask whoever runs this app to check its FlowIQ API key.",
    },
    forbidden: {
      title: "No access to this contact",
      sentence: "Your workspace may not view this contact. Ask your administrator for access.",
    },
    rate_limited: { title: "Too many lookups", sentence: "FlowIQ is busy with many requests right now." },
    server: { title: "FlowIQ had a problem", sentence: "Something went wrong on FlowIQ's side. Try again in a moment." },
    network: { title: "Can't reach FlowIQ", sentence: "Check your internet connection, then try again." },
    timeout: { title: "FlowIQ is slow to answer", sentence: "The lookup took too long. Try again in a moment." },
    invalid_response: {
      title: "Contact couldn't be loaded",
      sentence: "FlowIQ's answer couldn't be read. If this keeps happening, tell your administrator.",
    },
  },
  unknownContactHint: "Unknown contact",
  hoverCardLabel: "{name}",
};

/** An API value as words: `human_handover` → `human handover` (leading and trailing marks kept). */
export function readableValue(value: string): string {
  return value.replace(/(?<=[\p{L}\p{N}])[_-]+(?=[\p{L}\p{N}])/gu, " ");
}

/** Seconds as `m:ss`, for the rate-limit countdown. */
export function clockTime(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * A label with its `{name}` placeholders filled in. A placeholder with no value stays as written,
 * so a typo in a translation shows rather than vanishing.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** `Intl.PluralRules` per language, made on first use; a tag the runtime rejects falls back to English. */
function cached<T>(cache: Map<string, T>, language: string, make: (language: string) => T): T {
  let value = cache.get(language);
  if (!value) {
    try {
      value = make(language);
    } catch {
      value = make("en");
    }
    cache.set(language, value);
  }
  return value;
}

/** "+3 more" in the labels' language: the plural form `Intl.PluralRules` picks, else `other`. */
export function countLabel(labels: ContactCardLabels, label: ContactPluralLabel, count: number): string {
  const category = cached(pluralRules, labels.language, (language) => new Intl.PluralRules(language)).select(count);
  return fill(label[category] ?? label.other, { count });
}

/**
 * How an API value reads, one rule for every table of known values (bot status, source type):
 * its label when the value, in any case, is a known one; else the `other` text with the value
 * as words. Own keys only, so a value of "constructor" is just a value.
 */
export function valueLabel(table: Record<string, string>, other: string, name: string, value: string): string {
  const key = value.toLowerCase();
  return Object.hasOwn(table, key) ? (table[key] as string) : fill(other, { [name]: readableValue(value) });
}

/** The title and sentence for an error code; a code from a newer copy of the library reads as `server`. */
export function errorLabel(labels: ContactCardLabels, code: string): ContactErrorLabel {
  return Object.hasOwn(labels.errors, code) ? labels.errors[code as FlowIQErrorCode] : labels.errors.server;
}

/** `over` on top of `base`, key by key; `undefined` and `null` keep what is below. */
function merge<T extends object>(base: T, over: object, depth: number): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(over)) {
    if (key === "__proto__") continue;
    const below = out[key];
    // Nothing, or a value of another kind than the default's (a 0.2-style function), keeps what is below.
    if (value === undefined || value === null || (below !== undefined && typeof value !== typeof below)) continue;
    out[key] =
      depth > 0 && typeof value === "object" && typeof below === "object" && below !== null
        ? merge(below as object, value as object, depth - 1)
        : value;
  }
  return out as T;
}

/**
 * The defaults with each layer of overrides on top, in order (the defaults object itself when
 * there are none). Grouped labels merge entry by entry, and an error's title and sentence one by one.
 */
export function resolveLabels(...layers: (ContactLabelOverrides | undefined)[]): ContactCardLabels {
  let out: ContactCardLabels | undefined;
  // Depth 2: a group's entries (`errors.session_refused`), then an error's title and sentence.
  for (const layer of layers) if (layer) out = merge(out ?? defaultContactCardLabels, layer, 2);
  return out ?? defaultContactCardLabels;
}
