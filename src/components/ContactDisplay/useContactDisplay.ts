"use client";
import { useContext } from "react";
import { text } from "../ContactCard/format.js";
import { resolveLabels, type ContactCardLabels } from "../ContactCard/labels.js";
import { ContactDisplayContext } from "./ContactDisplayContext.js";

/** How contact components display a contact: set once in a `ContactDisplayProvider`, or per component. */
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
   * @default defaultContactCardLabels
   * @example labels={{ phone: "Telefon", moreTags: (n) => `+${n} weitere` }}
   */
  labels?: Partial<ContactCardLabels>;
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

/** {@link ContactDisplayOptions} with every value decided. */
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

function labelsFor(outer: Partial<ContactCardLabels> | undefined, own: Partial<ContactCardLabels> | undefined): ContactCardLabels {
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
    maxTags: options.maxTags ?? context.maxTags ?? 6,
  };
}
