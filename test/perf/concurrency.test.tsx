import { QueryClient } from "@tanstack/react-query";
import { render, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import type { ContactLookup } from "../../src/core/types.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";
import { useContact } from "../../src/react/useContact.js";
import { useContacts } from "../../src/react/useContacts.js";
import { server } from "../server.js";
import { createTestQueryClient, recordRequests, renderWithProvider, TEST_KEY } from "../utils.js";
import { askedDigits, contactDigitsAt, dashboardContact, LOOKUP_FORMS } from "./dashboard.js";
import { createStandInApi } from "./standInApi.js";

const PAGE = 500;
const CONTACTS = Array.from({ length: PAGE }, (_, index) => dashboardContact(index));
/** 500 distinct contacts, written in the usual mix of forms. */
const LOOKUPS: ContactLookup[] = CONTACTS.map((_, index) =>
  (LOOKUP_FORMS[index % LOOKUP_FORMS.length] as (digits: string) => ContactLookup)(contactDigitsAt(index)),
);

/** A dashboard column: loads its lookups and says how many have arrived. */
function Column({ lookups }: { lookups: ContactLookup[] }) {
  const results = useContacts(lookups);
  const loaded = results.filter((result) => result.isSuccess && result.data !== null).length;
  const failed = results.filter((result) => result.isError).length;
  return (
    <p>
      {loaded} of {lookups.length} loaded, {failed} failed
    </p>
  );
}

const cardProps = (lookup: ContactLookup) =>
  "phoneNumber" in lookup ? { phoneNumber: lookup.phoneNumber } : { whatsappId: lookup.whatsappId };

describe("a page of 500 distinct contact cards against an API that answers 429 above 10 requests in flight", () => {
  it("loads every card without ever tripping the rate limit, at most 6 requests in flight", async () => {
    const api = createStandInApi({ contacts: CONTACTS, delayMs: 4 });
    server.use(api.handler);
    const { container } = renderWithProvider(
      <>
        {LOOKUPS.map((lookup, index) => (
          <ContactCard key={index} {...cardProps(lookup)} />
        ))}
      </>,
    );

    // The API's own count first: a cheap check while 500 cards keep changing the DOM.
    await waitFor(() => expect(api.total.answered).toBe(PAGE), { timeout: 30_000 });
    await waitFor(() => expect(container.querySelectorAll('[data-state="ready"]')).toHaveLength(PAGE));
    expect(container.querySelectorAll('[data-state="error"]')).toHaveLength(0);
    expect(api.total.tooMany).toBe(0);
    expect(api.total.answered).toBe(PAGE);
    expect(api.total.maxInFlight).toBe(6);
  }, 40_000);

  it("loads a useContacts column the same way", async () => {
    const api = createStandInApi({ contacts: CONTACTS, delayMs: 4 });
    server.use(api.handler);
    const lookups = LOOKUPS.slice(0, 200);
    const { getByText } = renderWithProvider(<Column lookups={lookups} />);

    await waitFor(() => expect(api.total.answered).toBe(200), { timeout: 14_000 });
    await waitFor(() => getByText(`200 of 200 loaded, 0 failed`));
    expect(api.total.tooMany).toBe(0);
    expect(api.total.maxInFlight).toBe(6);
  }, 20_000);

  it("keeps to a custom maxConcurrentRequests", async () => {
    const api = createStandInApi({ contacts: CONTACTS, delayMs: 2 });
    server.use(api.handler);
    const lookups = LOOKUPS.slice(0, 120);
    const { getByText } = renderWithProvider(<Column lookups={lookups} />, { maxConcurrentRequests: 3 });

    await waitFor(() => expect(api.total.answered).toBe(120), { timeout: 12_000 });
    await waitFor(() => getByText(`120 of 120 loaded, 0 failed`));
    expect(api.total.maxInFlight).toBe(3);
    expect(api.total.tooMany).toBe(0);
  });

  it("gives each provider its own cap", async () => {
    // Two providers at 4 each stay under the API's 10 even together.
    const api = createStandInApi({ contacts: CONTACTS, delayMs: 4 });
    server.use(api.handler);
    const client = createTestQueryClient();
    const { getByText } = render(
      <>
        <FlowIQProvider tenantId="north" apiKey={TEST_KEY} queryClient={client} maxConcurrentRequests={4}>
          <Column lookups={LOOKUPS.slice(0, 150)} />
        </FlowIQProvider>
        <FlowIQProvider tenantId="south" apiKey={TEST_KEY} queryClient={client} maxConcurrentRequests={4}>
          <Column lookups={LOOKUPS.slice(150, 300)} />
        </FlowIQProvider>
      </>,
    );

    await waitFor(() => expect(getByText(/^150 of 150 loaded, 0 failed/, { selector: "p" })).toBeInTheDocument(), { timeout: 12_000 });
    await waitFor(() => expect(api.total.answered).toBe(300), { timeout: 12_000 });
    expect(api.tenant("north").maxInFlight).toBe(4);
    expect(api.tenant("south").maxInFlight).toBe(4);
    // Had the two providers shared one cap, the API would never have seen more than 4 at once.
    expect(api.total.maxInFlight).toBeGreaterThan(4);
    expect(api.total.maxInFlight).toBeLessThanOrEqual(8);
    expect(api.total.tooMany).toBe(0);
  });
});

describe("a request waiting for a free slot when its card unmounts", () => {
  function Card({ lookup }: { lookup: ContactLookup }) {
    const { data, isPending } = useContact(lookup);
    return <p>{isPending ? "Loading" : (data?.full_name ?? "Not found")}</p>;
  }

  it("leaves the queue and is never sent", async () => {
    let open: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    const api = createStandInApi({ contacts: CONTACTS, delayMs: 0, gate: () => opened });
    server.use(api.handler);
    const requests = recordRequests(server);
    // Every call to fetch, even one that would be aborted before it reached the network.
    const fetched: string[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      fetched.push(askedDigits(new Request(input)));
      return globalThis.fetch(input, init);
    };
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const first = { phoneNumber: contactDigitsAt(1) };
    const queued = { phoneNumber: contactDigitsAt(2) };
    const later = { phoneNumber: contactDigitsAt(3) };

    const { rerender, findByText } = renderWithProvider(
      <>
        <Card lookup={first} />
        <Card lookup={queued} />
      </>,
      { queryClient, maxConcurrentRequests: 1, fetch: fetchSpy },
    );
    await waitFor(() => expect(api.total.inFlight).toBe(1));
    rerender(<Card lookup={first} />);
    open();
    await findByText("Contact 1");

    rerender(
      <>
        <Card lookup={first} />
        <Card lookup={later} />
      </>,
    );
    await findByText("Contact 3");
    expect(fetched).toEqual([contactDigitsAt(1), contactDigitsAt(3)]);
    expect(requests.map(askedDigits)).toEqual([contactDigitsAt(1), contactDigitsAt(3)]);
  });
});
