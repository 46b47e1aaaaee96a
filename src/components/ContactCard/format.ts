import { normalizeDigits } from "../../core/normalizeLookup.js";

/** A trimmed, non-blank string, else null: blank and non-string values count as absent. */
export function text(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/** The 8–15 digits of a phone number or WhatsApp id, or null when it is not one. */
export function phoneDigits(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  try {
    return normalizeDigits(raw);
  } catch {
    return null;
  }
}

// Deliberately narrower than RFC 5322: no quotes, spaces, `?`, `&`, `:` or `/`, so a
// mailto: href can carry nothing but the address itself.
const EMAIL = /^[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;

/** Whether an address is safe and plausible enough to become a `mailto:` link. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value) && !value.includes("..");
}

let segmenter: Intl.Segmenter | null | undefined;

function firstGrapheme(word: string): string {
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
  }
  // Skip leading punctuation such as "(" or "<", but keep letters, digits, emoji and flags.
  const graphemes = segmenter ? Array.from(segmenter.segment(word), (s) => s.segment) : Array.from(word);
  return graphemes.find((g) => /[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u.test(g)) ?? "";
}

/** Up to two initials from a name (never splitting an emoji or a combining sequence). */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const first = firstGrapheme(words[0] ?? "");
  const last = words.length > 1 ? firstGrapheme(words[words.length - 1] ?? "") : "";
  return (first + last).toUpperCase();
}

/** A location as one line: the string itself, or an object's values joined. */
export function locationText(value: unknown): string | null {
  if (typeof value === "string") return text(value);
  if (typeof value !== "object" || value === null) return null;
  const parts: string[] = [];
  for (const part of Object.values(value)) {
    const shown = typeof part === "number" && Number.isFinite(part) ? String(part) : text(part);
    if (shown) parts.push(shown);
  }
  return parts.length ? parts.join(", ") : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // A bad locale or time zone falls back to en-US / UTC rather than throwing mid-render.
    let safeLocale = "en-US";
    let safeZone = "UTC";
    try {
      // supportedLocalesOf, not getCanonicalLocales: an unsupported tag would silently use the
      // runtime's default locale, which differs between server and browser.
      safeLocale = Intl.DateTimeFormat.supportedLocalesOf(locale)[0] ?? safeLocale;
    } catch {
      /* keep en-US */
    }
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
      safeZone = timeZone;
    } catch {
      /* keep UTC */
    }
    formatter = new Intl.DateTimeFormat(safeLocale, { dateStyle: "medium", timeZone: safeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

export type FormattedDate = { iso: string; text: string };

/** A date for display, or null when the value does not parse (never "Invalid Date"). */
export function formatDate(value: unknown, locale: string, timeZone: string): FormattedDate | null {
  const raw = text(value);
  if (!raw) return null;
  const date = new Date(raw);
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  return { iso: date.toISOString(), text: dateFormatter(locale, timeZone).format(time) };
}

/** The root class plus the caller's. */
export function rootClass(base: string, className: string | undefined): string {
  return className ? `${base} ${className}` : base;
}

/** A valid heading level's tag, else `h3`. */
export function headingTag(level: unknown): "h1" | "h2" | "h3" | "h4" | "h5" | "h6" {
  return typeof level === "number" && Number.isInteger(level) && level >= 1 && level <= 6 ? (`h${level}` as "h3") : "h3";
}
