import { Fragment, type HTMLAttributes, type ReactNode } from "react";
import type { Contact } from "../../core/types.js";
import { cx, isEmail, locationText, phoneDigits, text } from "../ContactDisplay/format.js";
import { fill, valueLabel, type ContactCardLabels } from "../ContactDisplay/labels.js";
import { useDisplayProps, type ContactDisplay, type ContactDisplayOptions } from "../ContactDisplay/useContactDisplay.js";
import { CopyButton } from "./CopyButton.js";
import { bidi, dateTime } from "./inline.js";

/**
 * A row of {@link ContactDetails}; each is also the key of its label in `ContactCardLabels`.
 * @example const fields: ContactDetailField[] = ["phone", "email", "added"];
 */
export type ContactDetailField = "phone" | "whatsapp" | "email" | "source" | "location" | "added";

const ALL_FIELDS: readonly ContactDetailField[] = ["phone", "whatsapp", "email", "source", "location", "added"];

/**
 * Props of `ContactDetails`: the contact, which rows to show, the copy buttons and chat link,
 * the display options, and any `<dl>` attribute.
 * @example <ContactDetails contact={contact} fields={["phone", "email"]} copyable={false} />
 */
export type ContactDetailsProps = Omit<HTMLAttributes<HTMLDListElement>, "children"> &
  ContactDisplayOptions & {
    /** The contact whose details to list. */
    contact: Contact;
    /**
     * Which rows to show, in this order; a row with no value is left out.
     * @default ["phone", "whatsapp", "email", "source", "location", "added"]
     * @example fields={["phone", "email"]}
     */
    fields?: readonly ContactDetailField[];
    /**
     * Copy buttons on the phone and email rows; `false` hides them.
     * @default true
     */
    copyable?: boolean;
    /**
     * The WhatsApp row's "Open chat" link. Set `false` when the app's own actions already open
     * the chat: the row then shows the WhatsApp number as text, and only when it differs from
     * the phone number. A blocked contact never gets a chat link.
     * @default true
     */
    chatLink?: boolean;
    /**
     * Extra classes, added after `fiq-details`.
     * @default undefined
     */
    className?: string;
  };

/** Links are built from digits or a checked address only, so no contact text can choose a scheme. */
function phoneValue(contact: Contact, display: ContactDisplay, copyable: boolean): ReactNode {
  const digits = phoneDigits(contact.phone_number);
  if (!digits) return bidi(text(contact.phone_number));
  const shown = display.formatPhone(digits);
  return (
    <>
      <a className="fiq-link fiq-number" href={`tel:+${digits}`} dir="ltr">
        {shown}
      </a>
      {copyable && <CopyButton value={`+${digits}`} shown={shown} labels={display.labels} />}
    </>
  );
}

/**
 * The chat link; it says "Open chat" rather than repeat the phone number shown just above it.
 * Without a chat link, the number as text, unless the phone row already shows it.
 */
function whatsappValue(contact: Contact, { labels, formatPhone }: ContactDisplay, chatLink: boolean): ReactNode {
  const phone = phoneDigits(contact.phone_number);
  const digits = phoneDigits(contact.whatsapp_id) ?? phone;
  if (!digits) return null;
  const number = formatPhone(digits);
  const samePhone = digits === phone;
  if (!chatLink) {
    return (
      !samePhone && (
        <span className="fiq-number" dir="ltr">
          {number}
        </span>
      )
    );
  }
  const chat = samePhone ? labels.whatsappChat : null;
  const name = fill(labels.whatsappLink, { number });
  return (
    <a
      className="fiq-link fiq-number"
      href={`https://wa.me/${digits}`}
      dir="ltr"
      target="_blank"
      rel="noopener noreferrer"
      aria-label={chat ? [chat, name].join(labels.separator) : name}
    >
      {chat ?? number}
    </a>
  );
}

/**
 * Where an address may wrap: before its "@" and before dots, except inside the registrable
 * domain ("example.com", "example.co.za"), so no line starts with ".co.za".
 */
function emailPieces(email: string): string[] {
  const at = email.lastIndexOf("@");
  const labels = email.slice(at + 1).split(".");
  const [second = "", last = ""] = labels.slice(-2);
  // A two-letter country code under a short second level ("co.za", "com.br") keeps three labels.
  const keep = labels.length > 2 && last.length === 2 && second.length <= 3 ? 3 : 2;
  const head = labels.slice(0, -keep);
  const tail = labels.slice(-keep).join(".");
  const domain = head.length > 0 ? [`@${head[0]}`, ...head.slice(1).map((label) => `.${label}`), `.${tail}`] : [`@${tail}`];
  return [...email.slice(0, at).split(/(?=\.)/), ...domain];
}

/** A checked address as a mailto: link that wraps only at sensible points; anything else as text. */
function emailValue(contact: Contact, labels: ContactCardLabels, copyable: boolean): ReactNode {
  const email = text(contact.email);
  if (!email || !isEmail(email)) return bidi(email);
  const pieces = emailPieces(email);
  return (
    <>
      <a className="fiq-link" href={`mailto:${email}`} dir="ltr">
        {pieces.map((piece, index) => (
          <Fragment key={index}>
            {index > 0 && <wbr />}
            {piece}
          </Fragment>
        ))}
      </a>
      {copyable && <CopyButton value={email} shown={email} labels={labels} />}
    </>
  );
}

/**
 * The contact's details as a description list: phone (`tel:`), WhatsApp (`wa.me`), email
 * (`mailto:` for a valid address only), source, location and the date it was added. The phone
 * and email rows have copy buttons that write the plain value (`+digits`, the address).
 * Rows without a value are left out, and nothing is rendered when no row has one.
 * @example <ContactDetails contact={contact} fields={["phone", "whatsapp"]} />
 */
export function ContactDetails(props: ContactDetailsProps) {
  const [display, { contact, fields = ALL_FIELDS, copyable = true, chatLink = true, className, ...rest }] = useDisplayProps(props);
  const strings = display.labels;
  const source = contact.source;
  const type = text(source?.type);
  const added = (value: unknown) => dateTime(value, display.locale, display.timeZone);
  const values: Record<ContactDetailField, ReactNode> = {
    phone: phoneValue(contact, display, copyable),
    whatsapp: whatsappValue(contact, display, chatLink && contact.blocked !== true),
    email: emailValue(contact, strings, copyable),
    source: bidi(type && valueLabel(strings.sourceTypes, strings.sourceTypeOther, "type", type)),
    location: bidi(locationText(source?.location, strings.separator)),
    added: added(source?.created_at) ?? added(contact.created_at),
  };
  const shown = fields.filter((field) => values[field]);
  if (shown.length === 0) return null;
  return (
    <dl {...rest} className={cx("fiq-details", className)} data-part="details">
      {shown.map((field) => (
        <Fragment key={field}>
          <dt>{strings[field]}</dt>
          <dd>{values[field]}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
