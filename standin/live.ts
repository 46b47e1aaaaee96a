import type { Contact } from "../src/core/types.js";

/** One change the live stand-in made: the contact as it is now, and which fields moved. */
export type LiveChange = { contact: Contact; fields: ("has_unread_messages" | "active_status")[] };

export type LiveOptions = {
  /** Milliseconds between rounds of changes. @default 3000 */
  everyMs?: number;
  /** Contacts changed per round. @default 3 */
  perRound?: number;
  /** Which contacts may change (all by default): a dashboard passes those its first screen shows. */
  among?: (contact: Contact) => boolean;
  /** Seed of the picks, so a run can be repeated. @default 1 */
  seed?: number;
};

export type LiveChanges = {
  /** Called after every round with what changed; returns the unsubscribe. */
  subscribe(listener: (changes: LiveChange[]) => void): () => void;
  stop(): void;
};

/**
 * The stand-in's live mode: every `everyMs`, a few contacts gain or lose unread
 * messages and go online or offline, as agents' customers write and leave. The
 * contacts are replaced in `contacts` (the array the stand-in answers from), so
 * the next lookup sees the change; listeners hear it at once, as an app's
 * webhook relay would.
 * @example const live = startLiveChanges(contacts, { everyMs: 2000 }); live.subscribe(console.log);
 */
export function startLiveChanges(contacts: Contact[], options: LiveOptions = {}): LiveChanges {
  const { everyMs = 3000, perRound = 3, among = () => true, seed = 1 } = options;
  const candidates = contacts.flatMap((contact, index) => (among(contact) ? [index] : []));
  const listeners = new Set<(changes: LiveChange[]) => void>();
  // A small LCG: repeatable picks without a dependency.
  let state = seed >>> 0 || 1;
  const random = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;

  const round = () => {
    if (candidates.length === 0) return;
    const changes: LiveChange[] = [];
    const picked = new Set<number>();
    for (let n = 0; n < Math.min(perRound, candidates.length); n++) picked.add(candidates[Math.floor(random() * candidates.length)] ?? 0);
    for (const index of picked) {
      const before = contacts[index];
      if (!before) continue;
      // Mostly presence, sometimes a new message too.
      const fields: LiveChange["fields"] = random() < 0.5 ? ["active_status", "has_unread_messages"] : ["active_status"];
      const contact = { ...before, updated_at: new Date().toISOString() };
      for (const field of fields) contact[field] = !before[field];
      contacts[index] = contact;
      changes.push({ contact, fields });
    }
    listeners.forEach((listener) => listener(changes));
  };
  const timer = setInterval(round, everyMs);
  // Never the reason a process stays up.
  (timer as { unref?: () => void }).unref?.();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => clearInterval(timer),
  };
}
