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

/**
 * The contact's initials in a circle, from the name; a contact with no name gets a person glyph
 * (`data-glyph="person"`, drawn by the stylesheet: digits there read like a count badge).
 * Decorative (`aria-hidden`): the name beside it says who this is. Takes the display options
 * like every part, though it shows nothing they change.
 * @example <ContactAvatar contact={contact} />
 */
export function ContactAvatar(props: ContactAvatarProps) {
  const [, { contact, className, ...rest }] = splitDisplayProps(props);
  const name = text(contact.full_name);
  const letters = name ? initials(name) : "";
  return (
    <span aria-hidden="true" {...rest} className={cx("fiq-avatar", className)} data-part="avatar" data-glyph={letters ? undefined : "person"}>
      {letters || null}
    </span>
  );
}
