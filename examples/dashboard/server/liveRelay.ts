import type { IncomingMessage, ServerResponse } from "node:http";
import type { LiveChange, LiveChanges } from "../../../standin/live.js";

/**
 * What the browser hears, one server-sent event per round of changes:
 * `contacts` are whole contacts to put in the cache as they are (no request),
 * `changed` the WhatsApp ids of contacts to refetch (one batch for those on screen).
 * A real app's webhook relay sends whichever its source gives it.
 */
export type LiveEvent = { contacts: LiveChange["contact"][]; changed: string[] };

/**
 * Connect middleware for `GET /api/live`: relays the stand-in's live changes to
 * the browser as server-sent events, to visitors with a session only. Presence
 * changes carry the whole contact; a new message only says which contact changed.
 */
export function liveRelay(live: LiveChanges, authorize: (request: Request) => boolean) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const headers = new Headers({ cookie: request.headers.cookie ?? "" });
    if (request.method !== "GET" || !authorize(new Request("http://localhost/api/live", { headers }))) {
      response.writeHead(401, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "Unauthorized", code: "session_refused" }));
      return;
    }
    response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
    // Sent at once, so the page knows the stream is open (and a proxy flushes the headers).
    response.write(": live\n\n");
    const unsubscribe = live.subscribe((changes) => {
      const event: LiveEvent = {
        contacts: changes.filter((change) => !change.fields.includes("has_unread_messages")).map((change) => change.contact),
        changed: changes.filter((change) => change.fields.includes("has_unread_messages")).flatMap((change) => change.contact.whatsapp_id ?? []),
      };
      response.write(`event: contacts\ndata: ${JSON.stringify(event)}\n\n`);
    });
    response.once("close", unsubscribe);
  };
}
