import type { HTMLAttributes } from "react";
import type { Contact } from "../../core/types.js";
import { cx, text } from "../ContactCard/format.js";
import type { ContactCardLabels } from "../ContactCard/labels.js";
import { useContactDisplay, type ContactDisplayOptions } from "../ContactDisplay/useContactDisplay.js";

export type ContactBadgesProps = Omit<HTMLAttributes<HTMLUListElement>, "children"> &
  Pick<ContactDisplayOptions, "labels"> & {
  /** The contact whose status to show. */
  contact: Contact;
  /**
   * Extra classes, added after `fiq-badges`.
   * @default undefined
   */
  className?: string;
};

/** A hint for the badge's colour; the text always says it too. */
export type ContactBadgeTone = "neutral" | "success" | "warning" | "danger" | "info";

type Badge = { label: string; tone: ContactBadgeTone };

// A Map, not an object: a bot status of "constructor" must not find Object's own members.
const BOT_TONES = new Map<string, ContactBadgeTone>([
  ["active", "success"],
  ["paused", "warning"],
]);

/** The contact's status as badges, most serious first. */
function badgesOf(contact: Contact, labels: ContactCardLabels): Badge[] {
  const badges: Badge[] = [];
  const bot = text(contact.bot_status);
  if (contact.blocked === true) badges.push({ label: labels.blocked, tone: "danger" });
  if (contact.archived === true) badges.push({ label: labels.archived, tone: "neutral" });
  if (bot) badges.push({ label: labels.botStatus(bot), tone: BOT_TONES.get(bot) ?? "neutral" });
  if (contact.allow_broadcast === false) badges.push({ label: labels.broadcastOptOut, tone: "warning" });
  if (contact.active_status === true) badges.push({ label: labels.online, tone: "success" });
  if (contact.has_unread_messages === true) badges.push({ label: labels.unread, tone: "info" });
  return badges;
}

/**
 * The contact's status as text badges (blocked, archived, bot, broadcast opt-out, online,
 * unread), each with a `data-tone` for colour; nothing when there is no status to show.
 * @example <ContactBadges contact={contact} />
 */
export function ContactBadges(props: ContactBadgesProps) {
  return badgesMarkup(props, useContactDisplay({ labels: props.labels }).labels);
}

/** {@link ContactBadges}' markup with the labels decided, for a composition that draws its parts in one component. */
export function badgesMarkup({ contact, className, labels: _labels, ...rest }: ContactBadgesProps, strings: ContactCardLabels) {
  const badges = badgesOf(contact, strings);
  if (badges.length === 0) return null;
  return (
    <ul aria-label={strings.status} {...rest} className={cx("fiq-badges", className)} data-part="badges">
      {badges.map((badge, index) => (
        <li key={index} className="fiq-badge" data-tone={badge.tone} dir="auto">
          {badge.label}
        </li>
      ))}
    </ul>
  );
}
