import { contactDigitsAt } from "../../../standin/contacts.js";

/** One row of the inbox: what the app's own conversation store knows, before any contact lookup. */
export type Conversation = {
  id: string;
  /** The customer's WhatsApp number, as the conversation store holds it (digits, country code first). */
  whatsappId: string;
  /** The newest message, as sent. */
  lastMessage: string;
  /** The newest message came from the team (shown after "You:"). */
  fromUs: boolean;
  /** When the newest message was sent (ms since the epoch). */
  at: number;
  /** Messages the team has not read yet. */
  unread: number;
};

/** How many conversations the demo inbox holds. */
export const CONVERSATION_COUNT = 10_000;

/** The demo's "now": the newest conversation's time, fixed so screenshots and tests never drift. */
export const NOW = Date.UTC(2026, 10, 30, 15, 42);

const INBOUND = [
  "Hi! Is the premium plan billed monthly or yearly?",
  "Thanks, the order arrived this morning 🙌",
  "Can someone call me back about the invoice?",
  "What time do you open on Saturday?",
  "I'd like to change my delivery address please",
  "The link in your message doesn't open for me",
  "Do you ship to Gaborone?",
  "Perfect, see you on Thursday then",
  "Please stop the weekly specials messages",
  "Is the 40-seat quote still valid?",
  "My card was charged twice for order 55812",
  "Can I get the same as last time?",
  "Hello, who am I speaking to?",
  "Ok 👍",
  "Any news on my refund?",
  "Could you send the brochure as a PDF?",
];
const OUTBOUND = [
  "Your order #48213 is on its way and should arrive tomorrow.",
  "Thanks for waiting! I've passed this on to our billing team.",
  "Here's the link to reschedule your appointment.",
  "Great, I've updated your details.",
  "We're open 08:00–13:00 on Saturdays.",
  "Happy to help. Anything else I can do?",
];

/**
 * A number that no contact has: a customer who wrote in for the first time.
 * The stand-in's contacts sit in 27 612… to 27 691…, so 27 7… never matches.
 */
const newCustomerNumber = (index: number) => `277${String(index).padStart(8, "0")}`;

/**
 * The demo inbox: `count` conversations, newest first, each with the number of one
 * of the stand-in's generated contacts (`generateContacts(CONVERSATION_COUNT)`; the
 * n-th row has contact n + 1, so the inbox opens on a named one), except one in 37,
 * which comes from a number no contact has. Deterministic.
 */
export function generateConversations(count = CONVERSATION_COUNT): Conversation[] {
  const rows: Conversation[] = [];
  let at = NOW;
  for (let index = 0; index < count; index++) {
    // Unread exactly when the contact has unread messages (generateContacts: every third one), so the chip's dot agrees.
    const waiting = (index + 1) % 3 === 0;
    const fromUs = !waiting && index % 5 === 2;
    const messages = fromUs ? OUTBOUND : INBOUND;
    rows.push({
      id: `conversation-${index}`,
      whatsappId: index % 37 === 36 ? newCustomerNumber(index) : contactDigitsAt((index + 1) % CONVERSATION_COUNT),
      lastMessage: messages[(index * 7) % messages.length] as string,
      fromUs,
      at,
      unread: waiting ? 1 + ((index * 7) % 4) : 0,
    });
    // Minutes apart near the top of the inbox, days apart at the bottom.
    at -= (3 + ((index * 37) % 53) + Math.floor(index / 40)) * 60_000;
  }
  return rows;
}

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const weekday = new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dayWithYear = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const full = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "UTC" });
const DAY = 86_400_000;

/** "14:32" today, "Mon" this week, "12 Mar" this year, "12 Mar 2024" before: as an inbox shows it. */
export function shortTime(at: number, now = NOW): string {
  const startOfToday = now - (now % DAY);
  if (at >= startOfToday) return clock.format(at);
  if (at >= startOfToday - 6 * DAY) return weekday.format(at);
  if (new Date(at).getUTCFullYear() === new Date(now).getUTCFullYear()) return day.format(at);
  return dayWithYear.format(at);
}

/** "Monday 30 November 2026 at 15:42", for a tooltip and the side panel. */
export const fullTime = (at: number) => full.format(at);
