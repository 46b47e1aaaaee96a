import { createElement, type HTMLAttributes } from "react";
import type { Contact } from "../../core/types.js";
import { contactNumber, cx, headingTag, text } from "../ContactDisplay/format.js";
import { useDisplayProps, type ContactDisplayOptions } from "../ContactDisplay/useContactDisplay.js";

/**
 * Props of `ContactName`: the contact, the heading level or plain element, the display options,
 * and any heading attribute.
 * @example <ContactName contact={contact} as="span" />
 */
export type ContactNameProps = Omit<HTMLAttributes<HTMLHeadingElement>, "children"> &
  ContactDisplayOptions & {
  /** The contact to name. */
  contact: Contact;
  /**
   * Level of the heading, to fit the page's outline.
   * @default 3
   */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /**
   * A plain element instead of a heading, for a name inside a row or a chip.
   * @default undefined (a heading of `headingLevel`)
   */
  as?: "span" | "p" | "div" | "strong";
  /**
   * Extra classes, added after `fiq-card__name`.
   * @default undefined
   */
  className?: string;
};

/**
 * The contact's name as a heading; else its number (as `formatPhone` shows it), else "Unknown contact".
 * The name keeps its own direction and, since the stylesheet clamps it (to one line in a chip),
 * its full text in `title`.
 * @example <ContactName contact={contact} headingLevel={2} />
 */
export function ContactName(props: ContactNameProps) {
  const [display, { contact, headingLevel, as, className, ...rest }] = useDisplayProps(props);
  const name = text(contact.full_name);
  const digits = contactNumber(contact);
  const shown = name ?? (digits ? display.formatPhone(digits) : display.labels.unknownContact);
  const attributes = { ...rest, className: cx("fiq-card__name", className), "data-part": "name", dir: name ? "auto" : "ltr", title: shown };
  return createElement(as ?? headingTag(headingLevel), attributes, shown);
}
