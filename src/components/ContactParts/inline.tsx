import type { ReactNode } from "react";
import { formatDate } from "../ContactDisplay/format.js";

/** Contact text in its own direction, so a right-to-left value cannot reorder the card around it. */
export function bidi(value: string | null): ReactNode {
  return value && <span dir="auto">{value}</span>;
}

/** A date as a `<time>`, or null when the value does not parse (never "Invalid Date"). */
export function dateTime(value: unknown, locale: string, timeZone: string, show = (date: string) => date): ReactNode {
  const date = formatDate(value, locale, timeZone);
  return date && <time dateTime={date.iso}>{show(date.text)}</time>;
}
