import type { HTMLAttributes } from "react";
import type { Contact } from "../../core/types.js";
import { cx, text } from "../ContactDisplay/format.js";
import { valueLabel, type ContactCardLabels } from "../ContactDisplay/labels.js";
import { useDisplayProps, type ContactDisplayOptions } from "../ContactDisplay/useContactDisplay.js";

/**
 * Props of `ContactBadges`: the contact, the display options, and any list attribute.
 * @example <ContactBadges contact={contact} labels={{ blocked: "Gesperrt" }} />
 */
export type ContactBadgesProps = Omit<HTMLAttributes<HTMLUListElement>, "children"> &
  ContactDisplayOptions & {
  /** The contact whose status to show. */
  contact: Contact;
  /**
   * Extra classes, added after `fiq-badges`.
   * @default undefined
   */
  className?: string;
};

/**
 * A hint for the badge's colour; the text always says it too.
 * @example .fiq-badge[data-tone="danger"] { background: crimson; }
 */
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
  if (bot) badges.push({ label: valueLabel(labels.botStatuses, labels.botStatusOther, "status", bot), tone: BOT_TONES.get(bot.toLowerCase()) ?? "neutral" });
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
  const [{ labels }, { contact, className, ...rest }] = useDisplayProps(props);
  const badges = badgesOf(contact, labels);
  if (badges.length === 0) return null;
  return (
    <ul aria-label={labels.status} {...rest} className={cx("fiq-badges", className)} data-part="badges">
      {badges.map((badge, index) => (
        <li key={index} className="fiq-badge" data-tone={badge.tone} dir="auto">
          {badge.label}
        </li>
      ))}
    </ul>
  );
}
