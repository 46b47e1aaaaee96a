import { ContactCard, ContactChip } from "@flowiq/react";
import { prefetchContact, prefetchContacts } from "@flowiq/react/server";
import { defaultShouldDehydrateQuery, dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { connection } from "next/server";
import { Suspense } from "react";
import { flowiq } from "../lib/flowiq";
import { StreamedChip } from "./streamed-chip";

/** Fetched on the server, straight from the API with the key; in the HTML, no browser request. */
const PREFETCHED = "+27 82 555 0101";
/** Not prefetched: the browser loads it through the proxy route. */
const LOADED_IN_BROWSER = "+27 82 555 0202";

/**
 * Recent conversations, as the app's own database holds them: a number, the
 * last message and its time. The contacts behind the numbers are not
 * prefetched; the browser asks for them (and the card above) in one batched
 * request to /api/flowiq/contacts.
 */
const RECENT = [
  { number: "+27 82 555 0301", message: "Is the 40-seat quote still valid?", at: "09:41" },
  { number: "+27 82 555 0302", message: "Can someone call me back about the invoice?", at: "09:32" },
  { number: "+27 82 555 0303", message: "Thanks, the order arrived this morning", at: "09:15" },
  { number: "+27 82 555 0304", message: "What time do you open on Saturday?", at: "08:58" },
  { number: "+27 82 555 0305", message: "Please send the brochure as a PDF", at: "08:40" },
  { number: "+27 82 555 0306", message: "Do you ship to Gaborone?", at: "08:22" },
  { number: "+27 82 555 0307", message: "My card was charged twice", at: "Yesterday" },
  { number: "+27 82 555 0308", message: "Perfect, see you on Thursday", at: "Yesterday" },
  { number: "+27 82 555 0309", message: "Any news on my refund?", at: "Mon" },
  { number: "+27 82 555 0310", message: "Can I get the same as last time?", at: "Mon" },
];

/** Today's callbacks: read on the server without waiting for them, and streamed into the page as each lands. */
const CALLBACKS = [
  { number: "+27 82 555 0401", when: "10:00" },
  { number: "+27 82 555 0402", when: "11:30" },
  { number: "+27 82 555 0403", when: "14:15" },
];

export default async function ContactsPage() {
  // Contacts are per-visitor data: render at request time, never at build.
  await connection();
  const queryClient = new QueryClient();
  await prefetchContact(queryClient, flowiq, { phoneNumber: PREFETCHED });

  // Started, not awaited: the page streams at once, and each pending read crosses to the browser
  // with the HTML, where the table's rows wait for it instead of asking again.
  const streaming = new QueryClient({
    defaultOptions: { dehydrate: { shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending" } },
  });
  void prefetchContacts(streaming, flowiq, CALLBACKS.map((row) => ({ phoneNumber: row.number })));

  return (
    <main className="page">
      <h1>Contacts</h1>
      <section aria-labelledby="prefetched">
        <h2 id="prefetched">Prefetched on the server</h2>
        <HydrationBoundary state={dehydrate(queryClient)}>
          <ContactCard phoneNumber={PREFETCHED} headingLevel={3} />
        </HydrationBoundary>
      </section>
      <section aria-labelledby="in-browser">
        <h2 id="in-browser">Loaded in the browser through the proxy</h2>
        <ContactCard phoneNumber={LOADED_IN_BROWSER} headingLevel={3} />
      </section>
      <section aria-labelledby="callbacks">
        <h2 id="callbacks">Callbacks today, streamed from the server</h2>
        <HydrationBoundary state={dehydrate(streaming)}>
          <table className="conversations">
            <thead>
              <tr>
                <th scope="col">Contact</th>
                <th scope="col">Call back at</th>
              </tr>
            </thead>
            <tbody>
              {CALLBACKS.map((row) => (
                <tr key={row.number}>
                  <td>
                    <Suspense fallback={<span>Loading…</span>}>
                      <StreamedChip phoneNumber={row.number} />
                    </Suspense>
                  </td>
                  <td>{row.when}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </HydrationBoundary>
      </section>
      <section aria-labelledby="recent">
        <h2 id="recent">Recent conversations</h2>
        <table className="conversations">
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">Last message</th>
              <th scope="col">Received</th>
            </tr>
          </thead>
          <tbody>
            {RECENT.map((row) => (
              <tr key={row.number}>
                <td>
                  <ContactChip phoneNumber={row.number} />
                </td>
                <td>{row.message}</td>
                <td>{row.at}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
