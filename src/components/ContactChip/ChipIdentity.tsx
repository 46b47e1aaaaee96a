import { initials } from "../ContactCard/format.js";

/** Turns a number's digits (country code first, no `+`) into the text shown for it. */
export type PhoneFormatter = (digits: string) => string;

/** The default: `+` and the digits, as the card shows them. */
export const plusDigits: PhoneFormatter = (digits) => `+${digits}`;

type ChipIdentityProps = {
  /** The contact's name, or null to show the number. */
  name: string | null;
  /** The digits of the contact's number, when it has a usable one. */
  digits: string | null;
  /** What to show when there is neither a name nor a number. */
  fallback: string;
  formatPhone: PhoneFormatter;
};

/**
 * The chip's avatar and name: the one place that draws them, so the shared
 * avatar and name parts can take over here without touching the chip's states.
 * The avatar is decorative (the name is the text); the name keeps its full text in `title`
 * because the stylesheet truncates it to one line.
 */
export function ChipIdentity({ name, digits, fallback, formatPhone }: ChipIdentityProps) {
  const shown = name ?? (digits ? formatPhone(digits) : fallback);
  return (
    <>
      <span className="fiq-avatar" aria-hidden="true">
        {(name && initials(name)) || digits?.slice(-2)}
      </span>
      <span className="fiq-chip__name" dir={name ? "auto" : "ltr"} title={shown}>
        {shown}
      </span>
    </>
  );
}

/** The chip's root class plus the caller's. */
export const chipClass = (className: string | undefined) => (className ? `fiq-chip ${className}` : "fiq-chip");
