import { Fragment, useId, useState, type HTMLAttributes, type ReactNode } from "react";
import type { Contact } from "../../core/types.js";
import { formatDate, initials, isEmail, locationText, phoneDigits, rootClass, text } from "./format.js";
import { resolveLabels, type ContactCardLabels } from "./labels.js";

/** How a card looks, shared by `ContactCard` and `ContactCardView`; other div attributes go to the root. */
export type ContactCardDisplayProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> & {
  /**
   * Extra classes for the root, added after `fiq-card`.
   * @default undefined
   */
  className?: string;
  /**
   * Tags shown before a "+N more" button reveals the rest.
   * @default 6
   */
  maxTags?: number;
  /**
   * BCP 47 locale for dates; an unsupported one falls back to `"en-US"`.
   * @default "en-US"
   */
  locale?: string;
  /**
   * IANA time zone for dates; explicit so server and browser render the same text. An unknown one falls back to `"UTC"`.
   * @default "UTC"
   */
  timeZone?: string;
  /**
   * Overrides for any visible string; the rest keep their defaults.
   * @default defaultContactCardLabels
   * @example labels={{ phone: "Telefon", moreTags: (n) => `+${n} weitere` }}
   */
  labels?: Partial<ContactCardLabels>;
  /**
   * Level of the name's heading, to fit the page's outline.
   * @default 3
   */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /**
   * The host app's own buttons or links, shown at the foot of the card.
   * @default undefined
   * @example actions={<button onClick={openChat}>Open chat</button>}
   */
  actions?: ReactNode;
};

export type ContactCardViewProps = ContactCardDisplayProps & {
  /** The contact to show, as `useContact` or `getContact` returns it. */
  contact: Contact;
};

/** Contact text in its own direction, so a right-to-left value cannot reorder the card around it. */
const bidi = (value: string | null) => value && <span dir="auto">{value}</span>;

/** Links are built from digits or a checked address only, so no contact text can choose a scheme. */
const link = (href: string, body: ReactNode, more?: object) => (
  <a className="fiq-link" href={href} dir="ltr" {...more}>
    {body}
  </a>
);

/**
 * Shows a contact the app already has. Pure: needs no provider and makes no request.
 * @example <ContactCardView contact={contact} actions={<button>Message</button>} />
 */
export function ContactCardView({
  contact,
  className,
  maxTags = 6,
  locale = "en-US",
  timeZone = "UTC",
  labels: overrides,
  headingLevel = 3,
  actions,
  ...rest
}: ContactCardViewProps) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const labels = resolveLabels(overrides);
  /** A date as a <time>, or null when the value does not parse (never "Invalid Date"). */
  const time = (value: unknown, show = (date: string) => date) => {
    const date = formatDate(value, locale, timeZone);
    return date && <time dateTime={date.iso}>{show(date.text)}</time>;
  };
  const name = text(contact.full_name);
  const phone = phoneDigits(contact.phone_number);
  const whatsapp = phoneDigits(contact.whatsapp_id) ?? phone;
  const digits = phone ?? whatsapp;
  const email = text(contact.email);
  const source = contact.source;
  const type = text(source?.type);
  const summary = text(contact.contact_summary);
  const updated = time(contact.contact_summary_updated_at, labels.summaryUpdated);
  const bot = text(contact.bot_status);
  const Heading = `h${Number.isInteger(headingLevel) && headingLevel > 0 && headingLevel < 7 ? headingLevel : 3}` as "h3";

  // Text badges: the tone is a hint for colour, never the only signal.
  const badges = (
    [
      [contact.blocked === true && labels.blocked, "danger"],
      [contact.archived === true && labels.archived, "neutral"],
      [bot && labels.botStatus(bot), bot === "active" ? "success" : bot === "paused" ? "warning" : "neutral"],
      [contact.allow_broadcast === false && labels.broadcastOptOut, "warning"],
      [contact.active_status === true && labels.online, "success"],
      [contact.has_unread_messages === true && labels.unread, "info"],
    ] as const
  ).filter(([label]) => label);

  // The WhatsApp link says "Open chat" rather than repeating the phone number just above it.
  const chat = whatsapp === phone && labels.whatsappChat;
  const rows = (
    [
      [labels.phone, phone ? link(`tel:+${phone}`, `+${phone}`) : bidi(text(contact.phone_number))],
      [
        labels.whatsapp,
        whatsapp &&
          link(`https://wa.me/${whatsapp}`, chat || `+${whatsapp}`, {
            target: "_blank",
            rel: "noopener noreferrer",
            "aria-label": (chat ? `${chat}, ` : "") + labels.whatsappLink(`+${whatsapp}`),
          }),
      ],
      [
        labels.email,
        email &&
          (isEmail(email)
            ? // Break opportunities before "@" and each ".", so a narrow column wraps the address there, not mid-word.
              link(`mailto:${email}`, email.split(/(?=[@.])/).flatMap((part, index) => (index ? [<wbr key={index} />, part] : part)))
            : bidi(email)),
      ],
      [labels.source, bidi(type && labels.sourceType(type))],
      [labels.location, bidi(locationText(source?.location))],
      [labels.added, time(source?.created_at) ?? time(contact.created_at)],
    ] as [string, ReactNode][]
  ).filter(([, value]) => value);

  const tags = Array.isArray(contact.tags) ? contact.tags.filter(text) : [];
  // Infinity shows every tag; NaN and -Infinity mean the default.
  const limit = maxTags >= 0 ? Math.floor(maxTags) : Number.isFinite(maxTags) ? 0 : 6;
  const hidden = tags.length - limit;
  const shownTags = expanded || hidden <= 0 ? tags : tags.slice(0, limit);

  return (
    <article {...rest} className={rootClass(className)} data-state="ready" aria-labelledby={id}>
      <div className="fiq-card__header">
        {/* Decorative: the name is in the heading. Initials from the name, else the number's last digits. */}
        <span className="fiq-avatar" aria-hidden="true">
          {(name && initials(name)) || digits?.slice(-2)}
        </span>
        <div className="fiq-card__title">
          {/* The title shows a name that the stylesheet clamps to two lines. */}
          <Heading id={id} className="fiq-card__name" dir={name ? "auto" : "ltr"} title={name ?? undefined}>
            {name ?? (digits ? `+${digits}` : labels.unknownContact)}
          </Heading>
          {badges.length > 0 && (
            <ul className="fiq-badges" aria-label={labels.status}>
              {badges.map(([label, tone], index) => (
                <li key={index} className="fiq-badge" data-tone={tone} dir="auto">
                  {label}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {rows.length > 0 && (
        <dl className="fiq-details">
          {rows.map(([label, value], index) => (
            <Fragment key={index}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {tags.length > 0 && (
        <div className="fiq-tags">
          {shownTags.length > 0 && (
            <ul id={`${id}t`} className="fiq-tags__list" aria-label={labels.tags}>
              {shownTags.map((tag, index) => (
                // Tags may repeat, so the key is the position.
                <li key={index} className="fiq-tag" dir="auto">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          {hidden > 0 && (
            <button
              type="button"
              className="fiq-button fiq-button--quiet"
              aria-expanded={expanded}
              aria-controls={shownTags.length > 0 ? `${id}t` : undefined}
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? labels.fewerTags : labels.moreTags(hidden)}
            </button>
          )}
        </div>
      )}
      {summary && (
        <div className="fiq-summary">
          <p className="fiq-summary__label">{labels.summary}</p>
          <p className="fiq-summary__text" dir="auto">
            {summary}
          </p>
          {updated && <p className="fiq-meta">{updated}</p>}
        </div>
      )}
      {actions != null && actions !== false && <div className="fiq-card__actions">{actions}</div>}
    </article>
  );
}
