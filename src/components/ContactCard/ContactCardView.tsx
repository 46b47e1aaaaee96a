import { useId, type HTMLAttributes, type ReactNode } from "react";
import type { Contact } from "../../core/types.js";
import { ContactAvatar } from "../ContactParts/ContactAvatar.js";
import { ContactBadges } from "../ContactParts/ContactBadges.js";
import { ContactDetails } from "../ContactParts/ContactDetails.js";
import { ContactName } from "../ContactParts/ContactName.js";
import { ContactSummary } from "../ContactParts/ContactSummary.js";
import { ContactTags } from "../ContactParts/ContactTags.js";
import { rootClass } from "./format.js";
import type { ContactDisplayOptions } from "../ContactDisplay/useContactDisplay.js";

/** How a card looks, shared by `ContactCard` and `ContactCardView`; other div attributes go to the root. */
export type ContactCardDisplayProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> &
  ContactDisplayOptions & {
    /**
     * Extra classes for the root, added after `fiq-card`.
     * @default undefined
     */
    className?: string;
    /**
     * Level of the name's heading, to fit the page's outline.
     * @default 3
     */
    headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
    /**
     * Copy buttons on the phone and email rows; `false` hides them.
     * @default true
     */
    copyable?: boolean;
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

/**
 * Shows a contact the app already has: exactly the parts `ContactAvatar`, `ContactName`,
 * `ContactBadges`, `ContactDetails`, `ContactTags` and `ContactSummary`, then the host's actions.
 * Pure: needs no provider and makes no request.
 * @example <ContactCardView contact={contact} actions={<button>Message</button>} />
 */
export function ContactCardView({
  contact,
  className,
  maxTags,
  locale,
  timeZone,
  labels,
  formatPhone,
  copyable,
  headingLevel,
  actions,
  ...rest
}: ContactCardViewProps) {
  const id = useId();
  const dates = { locale, timeZone, labels };
  return (
    <article {...rest} className={rootClass(className)} data-state="ready" aria-labelledby={id}>
      <div className="fiq-card__header">
        <ContactAvatar contact={contact} />
        <div className="fiq-card__title">
          <ContactName id={id} contact={contact} headingLevel={headingLevel} labels={labels} formatPhone={formatPhone} />
          <ContactBadges contact={contact} labels={labels} />
        </div>
      </div>
      <ContactDetails contact={contact} {...dates} formatPhone={formatPhone} copyable={copyable} />
      <ContactTags contact={contact} maxTags={maxTags} labels={labels} />
      <ContactSummary contact={contact} {...dates} />
      {actions != null && actions !== false && <div className="fiq-card__actions">{actions}</div>}
    </article>
  );
}
