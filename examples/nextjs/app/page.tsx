import { ContactCard } from "@flowiq/react";
import { prefetchContact } from "@flowiq/react/server";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { connection } from "next/server";
import { serverConfig } from "../lib/flowiq";

/** Fetched on the server, straight from the API with the key; in the HTML, no browser request. */
const PREFETCHED = "+27 82 555 0101";
/** Not prefetched: the browser loads it through /api/flowiq/contact. */
const LOADED_IN_BROWSER = "+27 82 555 0202";

export default async function ContactsPage() {
  // Contacts are per-visitor data: render at request time, never at build.
  await connection();
  const queryClient = new QueryClient();
  await prefetchContact(queryClient, serverConfig, { phoneNumber: PREFETCHED });

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
    </main>
  );
}
