import type { HTMLAttributes } from "react";
import type { Contact } from "../../core/types.js";
import { cx } from "../ContactDisplay/format.js";
import { useDisplayProps, type ContactDisplayOptions } from "../ContactDisplay/useContactDisplay.js";
import { ContactAvatar } from "../ContactParts/ContactAvatar.js";
import { ContactName } from "../ContactParts/ContactName.js";

/**
 * How a chip looks, shared by `ContactChip` and `ContactChipView`; other span attributes go to the root.
 * @example const look: ContactChipDisplayProps = { className: "inbox-chip", locale: "de-DE" };
 */
export type ContactChipDisplayProps = Omit<HTMLAttributes<HTMLSpanElement>, "children"> &
  ContactDisplayOptions & {
    /**
     * Extra classes for the root, added after `fiq-chip`.
     * @default undefined
     */
    className?: string;
  };

/**
 * Props of `ContactChipView`: a contact the app already has, and how the chip looks.
 * @example <ContactChipView contact={contact} locale="de-DE" />
 */
export type ContactChipViewProps = ContactChipDisplayProps & {
  /** The contact to show, as `useContact`, `useContacts` or `getContact` returns it. */
  contact: Contact;
};

/** A status drawn by the stylesheet, named in text for assistive technology. */
const marker = (kind: string, label: string) => (
  <span className="fiq-chip__marker" data-marker={kind}>
    <span className="fiq-sr-only">{label}</span>
  </span>
);

/**
 * A contact in one line, for a table cell, an inbox row or a header: `ContactAvatar`,
 * `ContactName` (else the number), a presence dot when online, and unread and blocked markers.
 * Labels and `formatPhone` come from its props, else the nearest `ContactDisplayProvider`.
 * Pure: needs no provider and makes no request. Never wider than its container.
 * @example <td><ContactChipView contact={contact} /></td>
 */
export function ContactChipView(props: ContactChipViewProps) {
  const [display, { contact, className, ...rest }] = useDisplayProps(props);
  const { labels } = display;
  return (
    <span {...rest} className={cx("fiq-chip", className)} data-part="chip" data-state="ready">
      <ContactAvatar contact={contact} />
      <ContactName as="span" className="fiq-chip__name" contact={contact} labels={labels} formatPhone={display.formatPhone} />
      {contact.active_status === true && marker("online", labels.online)}
      {contact.has_unread_messages === true && marker("unread", labels.unread)}
      {contact.blocked === true && marker("blocked", labels.blocked)}
    </span>
  );
}
