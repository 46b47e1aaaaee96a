import type { HTMLAttributes } from "react";
import type { Contact } from "../../core/types.js";
import { phoneDigits, text } from "../ContactCard/format.js";
import { resolveLabels, type ContactCardLabels } from "../ContactCard/labels.js";
import { ChipIdentity, chipClass, plusDigits, type PhoneFormatter } from "./ChipIdentity.js";

/** How a chip looks, shared by `ContactChip` and `ContactChipView`; other span attributes go to the root. */
export type ContactChipDisplayProps = Omit<HTMLAttributes<HTMLSpanElement>, "children"> & {
  /**
   * Extra classes for the root, added after `fiq-chip`.
   * @default undefined
   */
  className?: string;
  /**
   * Overrides for any string the chip shows or announces; the rest keep their defaults.
   * @default defaultContactCardLabels
   * @example labels={{ online: "En línea", unknownContactHint: "Desconocido" }}
   */
  labels?: Partial<ContactCardLabels>;
  /**
   * Formats a number for display; gets the digits (country code first, no `+`).
   * @default (digits) => `+${digits}`
   * @example formatPhone={(digits) => parsePhoneNumber(`+${digits}`).formatInternational()}
   */
  formatPhone?: PhoneFormatter;
};

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
 * A contact in one line, for a table cell, an inbox row or a header: avatar, name (else
 * the number), a presence dot when online, and unread and blocked markers.
 * Pure: needs no provider and makes no request. Never wider than its container.
 * @example <td><ContactChipView contact={contact} /></td>
 */
export function ContactChipView({ contact, className, labels: overrides, formatPhone = plusDigits, ...rest }: ContactChipViewProps) {
  const labels = resolveLabels(overrides);
  return (
    <span {...rest} className={chipClass(className)} data-part="chip" data-state="ready">
      <ChipIdentity
        name={text(contact.full_name)}
        digits={phoneDigits(contact.phone_number) ?? phoneDigits(contact.whatsapp_id)}
        fallback={labels.unknownContact}
        formatPhone={formatPhone}
      />
      {contact.active_status === true && marker("online", labels.online)}
      {contact.has_unread_messages === true && marker("unread", labels.unread)}
      {contact.blocked === true && marker("blocked", labels.blocked)}
    </span>
  );
}
