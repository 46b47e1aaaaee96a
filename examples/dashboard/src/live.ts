import { invalidateContacts, setContactData, type Contact } from "@flowiq/react";
import type { QueryClient } from "@tanstack/react-query";

/** What the server relays (server/liveRelay.ts): whole contacts, and ids of contacts that changed. */
type LiveEvent = { contacts: Contact[]; changed: string[] };

let events = 0;
/** Live events received so far (the top bar and the Chromium check read it). */
export const liveEventCount = () => events;

/**
 * Follows the server's live changes: a whole contact goes straight into the cache
 * (`setContactData`, no request); a contact only said to have changed is refetched
 * (`invalidateContacts`: those on screen together, in one batch; the rest when next shown).
 * Returns the unsubscribe.
 */
export function followLiveContacts(queryClient: QueryClient, tenantId: string, url = "/api/live"): () => void {
  const source = new EventSource(url);
  source.addEventListener("contacts", (message) => {
    let event: LiveEvent;
    try {
      event = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
    } catch {
      return;
    }
    events++;
    for (const contact of event.contacts ?? []) {
      try {
        setContactData(queryClient, tenantId, contact);
      } catch {
        // A contact the relay got wrong is skipped; the next tick refetches it anyway.
      }
    }
    if (event.changed?.length) void invalidateContacts(queryClient, tenantId, event.changed.map((whatsappId) => ({ whatsappId })));
  });
  return () => source.close();
}
