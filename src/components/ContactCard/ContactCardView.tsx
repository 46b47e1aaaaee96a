import { createElement, useId, type HTMLAttributes, type ReactNode } from "react";
import type { Contact } from "../../core/types.js";
import { Avatar } from "./Avatar.js";
import { ContactDetails } from "./ContactDetails.js";
import { ContactSummary } from "./ContactSummary.js";
import { headingTag, phoneDigits, rootClass, text } from "./format.js";
import { resolveLabels, type ContactCardLabels } from "./labels.js";
import { StatusBadges } from "./StatusBadges.js";
import { TagList } from "./TagList.js";

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

const DEFAULT_MAX_TAGS = 6;

/**
 * Shows a contact the app already has. Pure: needs no provider and makes no request.
 * @example <ContactCardView contact={contact} actions={<button>Message</button>} />
 */
export function ContactCardView({
  contact,
  className,
  maxTags = DEFAULT_MAX_TAGS,
  locale = "en-US",
  timeZone = "UTC",
  labels: labelOverrides,
  headingLevel = 3,
  actions,
  ...rest
}: ContactCardViewProps) {
  const headingId = useId();
  const labels = resolveLabels(labelOverrides);
  const name = text(contact.full_name);
  const digits = phoneDigits(contact.phone_number) ?? phoneDigits(contact.whatsapp_id);
  const tags = Array.isArray(contact.tags) ? contact.tags.filter((tag) => text(tag) !== null) : [];
  const limit = Number.isFinite(maxTags) ? Math.max(0, Math.floor(maxTags)) : maxTags > 0 ? tags.length : DEFAULT_MAX_TAGS;
  return (
    <article {...rest} className={rootClass("fiq-card", className)} data-state="ready" aria-labelledby={headingId}>
      <div className="fiq-card__header">
        <Avatar name={name} digits={digits} />
        <div className="fiq-card__title">
          {createElement(
            headingTag(headingLevel),
            // The title shows a name that the stylesheet clamps to two lines.
            { id: headingId, className: "fiq-card__name", dir: name ? "auto" : "ltr", title: name ?? undefined },
            name ?? (digits ? `+${digits}` : labels.unknownContact),
          )}
          <StatusBadges contact={contact} labels={labels} />
        </div>
      </div>
      <ContactDetails contact={contact} labels={labels} locale={locale} timeZone={timeZone} />
      {tags.length > 0 && <TagList tags={tags} maxTags={limit} labels={labels} />}
      <ContactSummary
        summary={contact.contact_summary}
        updatedAt={contact.contact_summary_updated_at}
        labels={labels}
        locale={locale}
        timeZone={timeZone}
      />
      {actions != null && actions !== false && <div className="fiq-card__actions">{actions}</div>}
    </article>
  );
}
