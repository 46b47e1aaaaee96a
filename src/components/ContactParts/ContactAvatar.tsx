import type { HTMLAttributes } from "react";
import type { Contact } from "../../core/types.js";
import { cx, initials, text } from "../ContactCard/format.js";

export type ContactAvatarProps = Omit<HTMLAttributes<HTMLSpanElement>, "children"> & {
  /** The contact whose initials to show. */
  contact: Contact;
  /**
   * Extra classes, added after `fiq-avatar`.
   * @default undefined
   */
  className?: string;
};

/** {@link ContactAvatar}'s markup, for a composition that draws its parts in one component (ContactCardView). */
export function avatarMarkup({ contact, className, ...rest }: ContactAvatarProps) {
  const name = text(contact.full_name);
  const letters = name ? initials(name) : "";
  // No name: the stylesheet draws a person (digits there read like a count badge).
  return (
    <span aria-hidden="true" {...rest} className={cx("fiq-avatar", className)} data-part="avatar" data-glyph={letters ? undefined : "person"}>
      {letters || null}
    </span>
  );
}

/**
 * The contact's initials in a circle, from the name; a contact with no name gets a person glyph.
 * Decorative (`aria-hidden`): the name beside it says who this is.
 * @example <ContactAvatar contact={contact} />
 */
export function ContactAvatar(props: ContactAvatarProps) {
  return avatarMarkup(props);
}
