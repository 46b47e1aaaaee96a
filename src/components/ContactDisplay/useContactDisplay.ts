"use client";
import { useContext, useMemo } from "react";
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

/**
 * The display settings a contact component uses: its own props first, then the nearest
 * `ContactDisplayProvider`'s, then the defaults. Labels merge in that order, one key at a time.
 * Works with no provider at all.
 * @example const { formatPhone, labels } = useContactDisplay({ labels: props.labels });
 */
export function useContactDisplay(options: ContactDisplayOptions = {}): ContactDisplay {
  const context = useContext(ContactDisplayContext);
  const labels = useMemo(() => resolveLabels(context.labels, options.labels), [context.labels, options.labels]);
  const format = options.formatPhone ?? context.formatPhone;
  const formatPhone = useMemo(() => safeFormatter(format), [format]);
  return {
    locale: options.locale ?? context.locale ?? "en-US",
    timeZone: options.timeZone ?? context.timeZone ?? "UTC",
    labels,
    formatPhone,
    maxTags: options.maxTags ?? context.maxTags ?? 6,
  };
}
