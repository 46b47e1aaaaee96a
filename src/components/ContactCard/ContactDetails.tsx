import { Fragment, type ReactNode } from "react";
import type { Contact } from "../../core/types.js";
import { formatDate, isEmail, locationText, phoneDigits, text } from "./format.js";
import type { ContactCardLabels } from "./labels.js";

type Row = [label: string, value: ReactNode];

/**
 * Phone, WhatsApp, email and source as a definition list. Links are built from
 * digits or a checked address only, so no contact text can choose a scheme.
 */
export function ContactDetails({
  contact,
  labels,
  locale,
  timeZone,
}: {
  contact: Contact;
  labels: ContactCardLabels;
  locale: string;
  timeZone: string;
}) {
  const rows: Row[] = [];
  const phone = phoneDigits(contact.phone_number);
  const whatsapp = phoneDigits(contact.whatsapp_id) ?? phone;
  const rawPhone = text(contact.phone_number);
  if (phone) {
    rows.push([labels.phone, <a className="fiq-link" href={`tel:+${phone}`} dir="ltr">{`+${phone}`}</a>]);
  } else if (rawPhone) {
    rows.push([labels.phone, <span dir="auto">{rawPhone}</span>]);
  }
  if (whatsapp) {
    rows.push([
      labels.whatsapp,
      <a
        className="fiq-link"
        href={`https://wa.me/${whatsapp}`}
        target="_blank"
        rel="noopener noreferrer"
        dir="ltr"
        aria-label={labels.whatsappLink(`+${whatsapp}`)}
      >
        {`+${whatsapp}`}
      </a>,
    ]);
  }
  const email = text(contact.email);
  if (email) {
    rows.push([
      labels.email,
      isEmail(email) ? (
        <a className="fiq-link" href={`mailto:${email}`} dir="ltr">
          {email}
        </a>
      ) : (
        <span dir="auto">{email}</span>
      ),
    ]);
  }
  const source = contact.source;
  const type = text(source?.type);
  if (type) rows.push([labels.source, <span dir="auto">{labels.sourceType(type)}</span>]);
  const place = locationText(source?.location);
  if (place) rows.push([labels.location, <span dir="auto">{place}</span>]);
  const added = formatDate(source?.created_at, locale, timeZone) ?? formatDate(contact.created_at, locale, timeZone);
  if (added) rows.push([labels.added, <time dateTime={added.iso}>{added.text}</time>]);
  if (!rows.length) return null;
  return (
    <dl className="fiq-details">
      {rows.map(([label, value], index) => (
        <Fragment key={index}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
