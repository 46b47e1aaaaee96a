import type { HTMLAttributes } from "react";
import type { Contact } from "../../core/types.js";
import { cx, initials, text } from "../ContactDisplay/format.js";
import { splitDisplayProps, type ContactDisplayOptions } from "../ContactDisplay/useContactDisplay.js";

/**
 * Props of `ContactAvatar`: the contact, the display options, and any span attribute.
 * @example <ContactAvatar contact={contact} className="avatar--large" />
 */
export type ContactAvatarProps = Omit<HTMLAttributes<HTMLSpanElement>, "children"> &
  ContactDisplayOptions & {
    /** The contact whose initials to show. */
    contact: Contact;
    /**
     * Extra classes, added after `fiq-avatar`.
     * @default undefined
     */
    className?: string;
  };

/** A head and shoulders: no name to take initials from (digits there read like a count badge). */
const personGlyph = (
  <svg viewBox="0 0 24 24" width="1em" height="1em" fill="currentColor" focusable="false">
    <circle cx="12" cy="8" r="4.5" />
    <path d="M3 21.5c0-4.7 4-7.5 9-7.5s9 2.8 9 7.5z" />
  </svg>
);

/**
 * The contact's initials in a circle, from the name; a contact with no name gets a person glyph.
 * Decorative (`aria-hidden`): the name beside it says who this is. Takes the display options
 * like every part, though it shows nothing they change.
 * @example <ContactAvatar contact={contact} />
 */
export function ContactAvatar(props: ContactAvatarProps) {
  const [, { contact, className, ...rest }] = splitDisplayProps(props);
  const name = text(contact.full_name);
  return (
    <span aria-hidden="true" {...rest} className={cx("fiq-avatar", className)} data-part="avatar">
      {(name && initials(name)) || personGlyph}
    </span>
  );
}
