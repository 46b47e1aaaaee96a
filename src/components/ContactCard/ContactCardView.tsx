import { useId, type HTMLAttributes, type ReactNode, type Ref } from "react";
import type { Contact } from "../../core/types.js";
import { hasContent, rootClass } from "../ContactDisplay/format.js";
import { splitDisplayProps, type ContactDisplayOptions } from "../ContactDisplay/useContactDisplay.js";
import { ContactAvatar } from "../ContactParts/ContactAvatar.js";
import { ContactBadges } from "../ContactParts/ContactBadges.js";
import { ContactDetails } from "../ContactParts/ContactDetails.js";
import { ContactName } from "../ContactParts/ContactName.js";
import { ContactSummary } from "../ContactParts/ContactSummary.js";
import { ContactTags } from "../ContactParts/ContactTags.js";

/**
 * How a card looks, shared by `ContactCard` and `ContactCardView`; other div attributes go to the root.
 * @example const look: ContactCardDisplayProps = { density: "compact", headingLevel: 2, copyable: false };
 */
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
     * The WhatsApp row's "Open chat" link. Set `false` when your `actions` already open the chat,
     * so the card does not offer it twice. A blocked contact never gets a chat link.
     * @default true
     */
    chatLink?: boolean;
    /**
     * `"compact"` shows only the name, badges, phone and tags, for dense grids of four columns.
     * @default "comfortable"
     */
    density?: "comfortable" | "compact";
    /**
     * The host app's own buttons or links, shown at the foot of the card.
     * @default undefined
     * @example actions={<button onClick={openChat}>Open chat</button>}
     */
    actions?: ReactNode;
  };

/**
 * Props of `ContactCardView`: a contact the app already has, and how the card looks.
 * @example <ContactCardView contact={contact} density="compact" headingLevel={2} />
 */
export type ContactCardViewProps = ContactCardDisplayProps & {
  /** The contact to show, as `useContact` or `getContact` returns it. */
  contact: Contact;
};

const COMPACT_FIELDS = ["phone"] as const;

/**
 * Shows a contact the app already has: exactly the parts `ContactAvatar`, `ContactName`,
 * `ContactBadges`, `ContactDetails`, `ContactTags` and `ContactSummary`, then the host's actions
 * (`density="compact"`: name, badges, phone and tags only). A blocked or archived contact is
 * muted, and a blocked one has no chat link.
 * Pure: needs no provider and makes no request.
 * @example <ContactCardView contact={contact} actions={<button>Message</button>} />
 */
export function ContactCardView(props: ContactCardViewProps) {
  return CardArticle(props);
}

/** `ContactCardView` with its root element handed to `rootRef` (ContactCard's off-screen skipping in a grid). */
export function CardArticle(props: ContactCardViewProps & { rootRef?: Ref<HTMLElement> }) {
  const [display, { contact, className, copyable, chatLink, density = "comfortable", headingLevel, actions, rootRef, ...rest }] = splitDisplayProps(props);
  const id = useId();
  const compact = density === "compact";
  return (
    <article
      {...rest}
      ref={rootRef}
      className={rootClass(className)}
      data-state="ready"
      data-density={density}
      // Muted by the stylesheet; the badges say why in words.
      data-blocked={contact.blocked === true || undefined}
      data-archived={contact.archived === true || undefined}
      aria-labelledby={id}
    >
      <div className="fiq-card__header">
        {!compact && <ContactAvatar contact={contact} />}
        <div className="fiq-card__title">
          <ContactName {...display} id={id} contact={contact} headingLevel={headingLevel} />
          <ContactBadges {...display} contact={contact} />
        </div>
      </div>
      <ContactDetails {...display} contact={contact} fields={compact ? COMPACT_FIELDS : undefined} copyable={copyable} chatLink={chatLink} />
      <ContactTags {...display} contact={contact} />
      {!compact && <ContactSummary {...display} contact={contact} />}
      {hasContent(actions) && <div className="fiq-card__actions">{actions}</div>}
    </article>
  );
}
