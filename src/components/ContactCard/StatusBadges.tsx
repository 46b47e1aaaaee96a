import type { Contact } from "../../core/types.js";
import { text } from "./format.js";
import type { ContactCardLabels } from "./labels.js";

type Tone = "neutral" | "success" | "warning" | "danger" | "info";

/** The contact's states as text badges; the tone is a hint for colour, never the only signal. */
export function StatusBadges({ contact, labels }: { contact: Contact; labels: ContactCardLabels }) {
  const badges: [label: string, tone: Tone][] = [];
  if (contact.blocked === true) badges.push([labels.blocked, "danger"]);
  if (contact.archived === true) badges.push([labels.archived, "neutral"]);
  const bot = text(contact.bot_status);
  if (bot) badges.push([labels.botStatus(bot), bot === "active" ? "success" : bot === "paused" ? "warning" : "neutral"]);
  if (contact.allow_broadcast === false) badges.push([labels.broadcastOptOut, "warning"]);
  if (contact.active_status === true) badges.push([labels.online, "success"]);
  if (contact.has_unread_messages === true) badges.push([labels.unread, "info"]);
  if (!badges.length) return null;
  return (
    <ul className="fiq-badges" aria-label={labels.status}>
      {badges.map(([label, tone], index) => (
        <li key={index} className="fiq-badge" data-tone={tone} dir="auto">
          {label}
        </li>
      ))}
    </ul>
  );
}
