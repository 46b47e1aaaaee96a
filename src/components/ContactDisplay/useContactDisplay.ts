"use client";
import { useContext } from "react";
import { text } from "./format.js";
import { resolveLabels, type ContactCardLabels, type ContactLabelOverrides } from "./labels.js";
import { ContactDisplayContext } from "./ContactDisplayContext.js";

/**
 * How contact components display a contact: set once in a `ContactDisplayProvider`, or per component.
 * @example const display: ContactDisplayOptions = { locale: "de-DE", timeZone: "Europe/Berlin", maxTags: 3 };
 */
export type ContactDisplayOptions = {
  /**
   * BCP 47 locale for dates; an unsupported one falls back to `"en-US"`.
   * @default "en-US" (or the nearest ContactDisplayProvider's)
   */
  locale?: string;
  /**
   * IANA time zone for dates; explicit so server and browser render the same text. An unknown one falls back to `"UTC"`.
   * @default "UTC" (or the nearest ContactDisplayProvider's)
   */
  timeZone?: string;
  /**
   * Overrides for any visible string, on top of the nearest ContactDisplayProvider's; the rest keep their defaults.
   * Pass a complete set from `@flowiq/react/locales` (plain data, so a server component can hand it over).
   * @default defaultContactCardLabels
   * @example labels={{ phone: "Telefon", moreTags: { one: "+{count} weiteres", other: "+{count} weitere" } }}
   */
  labels?: ContactLabelOverrides;
  /**
   * The text shown for a phone or WhatsApp number. Gets the digits (country code first, no `+`);
   * links are always built from the digits, never from this text. A function that throws or
   * returns nothing falls back to `+digits`.
   * @default (digits) => `+${digits}` (or the nearest ContactDisplayProvider's)
   * @example formatPhone={(digits) => parsePhoneNumber(`+${digits}`).formatInternational()}
   */
  formatPhone?: (digits: string) => string;
  /**
   * Tags shown before a "+N more" button reveals the rest; `Infinity` shows them all.
   * @default 6 (or the nearest ContactDisplayProvider's)
   */
  maxTags?: number;
};

/** Tags shown before "+N more" when nothing sets `maxTags`. */
export const DEFAULT_MAX_TAGS = 6;

/**
 * Every key of {@link ContactDisplayOptions}: the one list that says which props are display
 * defaults. The check below fails the build when an option is added to the type but not here.
 */
const DISPLAY_KEYS = ["locale", "timeZone", "labels", "formatPhone", "maxTags"] as const;
type Unlisted = Exclude<keyof ContactDisplayOptions, (typeof DISPLAY_KEYS)[number]>;
const everyKeyListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyKeyListed;

/**
 * A component's props split in two: its display options (for `useContactDisplay`, or to hand on
 * to the parts it draws) and everything else. The one place that knows which props are which.
 * @example const [display, { contact, ...rest }] = splitDisplayProps(props);
 */
export function splitDisplayProps<P extends ContactDisplayOptions>(props: P): [ContactDisplayOptions, Omit<P, keyof ContactDisplayOptions>] {
  const display: ContactDisplayOptions = {};
  const rest: Record<string, unknown> = {};
  for (const key in props) {
    if ((DISPLAY_KEYS as readonly string[]).includes(key)) (display as Record<string, unknown>)[key] = props[key];
    else rest[key] = props[key];
  }
  return [display, rest as Omit<P, keyof ContactDisplayOptions>];
}

/**
 * {@link ContactDisplayOptions} with every value decided.
 * @example const display: ContactDisplay = useContactDisplay(); display.formatPhone("27123456789");
 */
export type ContactDisplay = {
  locale: string;
  timeZone: string;
  labels: ContactCardLabels;
  /** Never throws: falls back to `+digits`. */
  formatPhone: (digits: string) => string;
  maxTags: number;
};

/** The caller's formatter, made safe: its text when it gives some, else `+digits`. */
function safeFormatter(format: ((digits: string) => string) | undefined): (digits: string) => string {
  return (digits) => {
    try {
      const shown: unknown = format?.(digits);
      if (text(shown)) return shown as string;
    } catch {
      // A formatter that rejects a number (libphonenumber-js throws on some) shows the digits.
    }
    return `+${digits}`;
  };
}

// Cached by identity rather than memoised per component: a page of 500 cards, each made of
// six parts, then merges and wraps each labels object and formatter once, not 3,000 times.
const defaultFormatter = safeFormatter(undefined);
const formatters = new WeakMap<(digits: string) => string, (digits: string) => string>();
const merged = new WeakMap<object, WeakMap<object, ContactCardLabels>>();
const NONE = {};

function formatterFor(format: ((digits: string) => string) | undefined): (digits: string) => string {
  if (!format) return defaultFormatter;
  let safe = formatters.get(format);
  if (!safe) formatters.set(format, (safe = safeFormatter(format)));
  return safe;
}

function labelsFor(outer: ContactLabelOverrides | undefined, own: ContactLabelOverrides | undefined): ContactCardLabels {
  if (!outer && !own) return resolveLabels();
  const byOuter = merged.get(outer ?? NONE) ?? new WeakMap<object, ContactCardLabels>();
  merged.set(outer ?? NONE, byOuter);
  let labels = byOuter.get(own ?? NONE);
  if (!labels) byOuter.set(own ?? NONE, (labels = resolveLabels(outer, own)));
  return labels;
}

/**
 * The display settings a contact component uses: its own props first, then the nearest
 * `ContactDisplayProvider`'s, then the defaults. Labels merge in that order, one key at a time.
 * Works with no provider at all.
 * @example const { formatPhone, labels } = useContactDisplay({ labels: props.labels });
 */
export function useContactDisplay(options: ContactDisplayOptions = {}): ContactDisplay {
  const context = useContext(ContactDisplayContext);
  return {
    locale: options.locale ?? context.locale ?? "en-US",
    timeZone: options.timeZone ?? context.timeZone ?? "UTC",
    labels: labelsFor(context.labels, options.labels),
    formatPhone: formatterFor(options.formatPhone ?? context.formatPhone),
    maxTags: options.maxTags ?? context.maxTags ?? DEFAULT_MAX_TAGS,
  };
}

/**
 * {@link splitDisplayProps} and {@link useContactDisplay} in one: a part's display settings
 * decided, and its other props.
 * @example const [display, { contact, className, ...rest }] = useDisplayProps(props);
 */
export function useDisplayProps<P extends ContactDisplayOptions>(props: P): [ContactDisplay, Omit<P, keyof ContactDisplayOptions>] {
  const [options, rest] = splitDisplayProps(props);
  return [useContactDisplay(options), rest];
}
