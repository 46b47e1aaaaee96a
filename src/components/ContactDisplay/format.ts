import { normalizeDigits } from "../../core/normalizeLookup.js";

/**
 * A trimmed string with something to see, else null: blank, invisible-only (zero-width
 * spaces, direction marks, control characters) and non-string values count as absent.
 */
export function text(value: unknown): string | null {
  return typeof value === "string" && /[^\s\p{Cc}\p{Cf}]/u.test(value) ? value.trim() : null;
}

/** The 8–15 digits of a phone number or WhatsApp id, or null when it is not one. */
export function phoneDigits(value: unknown): string | null {
  try {
    return normalizeDigits(text(value));
  } catch {
    return null;
  }
}

// Deliberately narrower than RFC 5322: no quotes, spaces, `?`, `&`, `:`, `/` or `%` (which a
// mail program would decode, so "%0ABcc%3A" could add a header), so a mailto: href can carry
// nothing but the address itself.
const EMAIL = /^[\p{L}\p{N}._+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;

/** Whether an address is safe and plausible enough to become a `mailto:` link. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value) && !value.includes("..");
}

let segmenter: Intl.Segmenter | undefined;

/** The grapheme segmenter, made once; null in an engine without Intl.Segmenter (checked on each call). */
function graphemeSegmenter(): Intl.Segmenter | null {
  if (typeof Intl.Segmenter !== "function") return null;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return segmenter;
}

// A Latin letter or digit followed by another (or nothing) is a whole grapheme: nothing in these
// ranges joins what follows it. Most names take this path, which skips the segmenter (a tenth of a
// card's render time); combining marks, emoji and every other script go the long way.
const LATIN_START = /^[A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F](?:$|[\u0020-\u007E\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F])/;

function firstGrapheme(word = ""): string {
  if (LATIN_START.test(word)) return word.charAt(0);
  const graphemes = graphemeSegmenter();
  // Lazily, stopping at the first hit: segmenting all of a 100 KB word would freeze the page.
  const parts: Iterable<string | Intl.SegmentData> = graphemes ? graphemes.segment(word) : word;
  for (const part of parts) {
    const grapheme = typeof part === "string" ? part : part.segment;
    // Skip leading punctuation such as "(" or "<", but keep letters, digits, emoji and flags.
    if (/[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u.test(grapheme)) return grapheme;
  }
  return "";
}

/** Up to two initials from a name (never splitting an emoji or a combining sequence). */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return (firstGrapheme(words[0]) + (words.length > 1 ? firstGrapheme(words.at(-1)) : "")).toUpperCase();
}

/** A location as one line: the string itself, or an object's values joined with the labels' separator. */
export function locationText(value: unknown, separator: string): string | null {
  if (typeof value !== "object" || value === null) return text(value);
  const parts = Object.values(value)
    .map((part) => (Number.isFinite(part) ? String(part) : text(part)))
    .filter(Boolean);
  return parts.join(separator) || null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // A bad locale or time zone falls back to en-US / UTC rather than throwing mid-render.
    // supportedLocalesOf, not the tag itself: an unsupported tag would silently use the
    // runtime's default locale, which differs between server and browser.
    let safeLocale = "en-US";
    try {
      safeLocale = Intl.DateTimeFormat.supportedLocalesOf(locale)[0] ?? safeLocale;
    } catch {
      /* keep en-US */
    }
    const options = (zone: string) => new Intl.DateTimeFormat(safeLocale, { dateStyle: "medium", timeZone: zone });
    try {
      formatter = options(timeZone);
    } catch {
      formatter = options("UTC");
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

export type FormattedDate = { iso: string; text: string };

/** A date for display, or null when the value does not parse (never "Invalid Date"). */
export function formatDate(value: unknown, locale: string, timeZone: string): FormattedDate | null {
  const date = new Date(text(value) ?? NaN);
  const time = date.getTime();
  return Number.isNaN(time) ? null : { iso: date.toISOString(), text: dateFormatter(locale, timeZone).format(time) };
}

/** A part's own class plus the caller's. */
export function cx(base: string, className: string | undefined): string {
  return className ? `${base} ${className}` : base;
}

/** The card's root class plus the caller's. */
export function rootClass(className: string | undefined): string {
  return cx("fiq-card", className);
}

/** The digits that stand for a contact when it has no name: the phone's, else the WhatsApp id's. */
export function contactNumber(contact: { phone_number: unknown; whatsapp_id: unknown }): string | null {
  return phoneDigits(contact.phone_number) ?? phoneDigits(contact.whatsapp_id);
}

/** The heading element for a level; a level that does not exist (0, 7, 2.5) is an h3. */
export function headingTag(level: unknown): "h1" | "h2" | "h3" | "h4" | "h5" | "h6" {
  return `h${Number.isInteger(level) && (level as number) > 0 && (level as number) < 7 ? (level as number) : 3}` as "h3";
}

/** Whether an app's slot (`actions`, `notFoundActions`) holds something to draw: `null`, `undefined` and `false` do not. */
export function hasContent(node: unknown): boolean {
  return node != null && node !== false;
}

/** A connected component's lookup as the user should see it, one rule for the card, the chip and the hover card. */
export type ShownLookup = {
  /** The digits when it is a phone number, else null. */
  digits: string | null;
  /** `formatPhone(digits)`, else the trimmed text the app passed, else null when it passed nothing to see. */
  shown: string | null;
};

/**
 * How a lookup reads before (or without) its contact: the formatted number, else what was typed.
 * @example shownLookup({ phoneNumber: "+27 12 345 6789" }, (d) => `+${d}`) // { digits: "27123456789", shown: "+27123456789" }
 */
export function shownLookup(lookup: { phoneNumber?: string; whatsappId?: string }, formatPhone: (digits: string) => string): ShownLookup {
  const raw = lookup.phoneNumber ?? lookup.whatsappId;
  const digits = phoneDigits(raw);
  return { digits, shown: digits ? formatPhone(digits) : text(raw) };
}
