import { QueryClient } from "@tanstack/react-query";
import { render, waitFor } from "@testing-library/react";
import { http } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import type { ContactLookup } from "../../src/core/types.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";
import { useContact } from "../../src/react/useContact.js";
import { useContacts } from "../../src/react/useContacts.js";
import { createContactHandlers, contactUrl } from "../../src/msw/createContactHandlers.js";
import { contactDigitsAt, generateContacts, lookupAt, startStandInApi, type StandIn } from "../../standin/index.js";
import { server, toLocalServers } from "../server.js";
import { createTestQueryClient, recordRequests, renderWithProvider, TEST_KEY } from "../utils.js";

const PAGE = 500;
const CONTACTS = generateContacts(PAGE);
/** 500 distinct contacts, written in the usual mix of forms. */
const LOOKUPS: ContactLookup[] = CONTACTS.map((_, index) => lookupAt(index));
const askedDigits = (request: Request) => new URL(request.url).searchParams.get("phone_number") ?? "";

/** The stand-in API over real HTTP, answering 429 above 10 requests in flight per tenant, as the API does. */
let api: StandIn | undefined;
async function startApi(delayMs: number): Promise<StandIn> {
  api = await startStandInApi({ contacts: CONTACTS, delayMs, rateLimit: 10 });
  return api;
}
const answered = (standIn: StandIn) => standIn.requests.filter((request) => request.status === 200).length;
const tooMany = (standIn: StandIn) => standIn.requests.filter((request) => request.status === 429).length;
const maxInFlight = (standIn: StandIn, tenant?: string) =>
  Math.max(0, ...standIn.requests.filter((request) => !tenant || request.tenantId === tenant).map((request) => (tenant ? request.inFlight : request.inFlightAll)));

beforeEach(() => {
  server.use(toLocalServers);
});
afterEach(async () => {
  await api?.close();
  api = undefined;
});

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
    // 40 ms an answer: long enough that a busy main thread refills each slot before the others answer,
    // so the peak reached is the cap itself, not how fast this machine happens to be.
    const api = await startApi(40);
    const { container } = renderWithProvider(
      <>
        {LOOKUPS.map((lookup, index) => (
          <ContactCard key={index} {...cardProps(lookup)} />
        ))}
      </>,
      { baseUrl: api.url },
    );

    // The API's own count first: a cheap check while 500 cards keep changing the DOM.
    await waitFor(() => expect(answered(api)).toBe(PAGE), { timeout: 30_000 });
    await waitFor(() => expect(container.querySelectorAll('[data-state="ready"]')).toHaveLength(PAGE), { timeout: 10_000 });
    expect(container.querySelectorAll('[data-state="error"]')).toHaveLength(0);
    expect(tooMany(api)).toBe(0);
    expect(api.requests).toHaveLength(PAGE);
    expect(maxInFlight(api)).toBe(6);
  }, 40_000);

  it("loads a useContacts column the same way", async () => {
    const api = await startApi(20);
    const lookups = LOOKUPS.slice(0, 200);
    const { findByText } = renderWithProvider(<Column lookups={lookups} />, { baseUrl: api.url });

    await waitFor(() => expect(answered(api)).toBe(200), { timeout: 14_000 });
    await findByText(`200 of 200 loaded, 0 failed`, undefined, { timeout: 10_000 });
    expect(tooMany(api)).toBe(0);
    expect(maxInFlight(api)).toBe(6);
  }, 20_000);

  it("keeps to a custom maxConcurrentRequests", async () => {
    const api = await startApi(20);
    const lookups = LOOKUPS.slice(0, 120);
    const { findByText } = renderWithProvider(<Column lookups={lookups} />, { maxConcurrentRequests: 3, baseUrl: api.url });

    await waitFor(() => expect(answered(api)).toBe(120), { timeout: 12_000 });
    await findByText(`120 of 120 loaded, 0 failed`, undefined, { timeout: 10_000 });
    expect(maxInFlight(api)).toBe(3);
    expect(tooMany(api)).toBe(0);
  });

  it("gives each provider its own cap", async () => {
    // Two providers at 4 each stay under the API's 10 even together.
    const api = await startApi(20);
    const client = createTestQueryClient();
    const { getAllByText } = render(
      <>
        <FlowIQProvider tenantId="north" apiKey={TEST_KEY} baseUrl={api.url} queryClient={client} maxConcurrentRequests={4}>
          <Column lookups={LOOKUPS.slice(0, 150)} />
        </FlowIQProvider>
        <FlowIQProvider tenantId="south" apiKey={TEST_KEY} baseUrl={api.url} queryClient={client} maxConcurrentRequests={4}>
          <Column lookups={LOOKUPS.slice(150, 300)} />
        </FlowIQProvider>
      </>,
    );

    await waitFor(() => expect(getAllByText(/^150 of 150 loaded, 0 failed/, { selector: "p" })).toHaveLength(2), { timeout: 12_000 });
    await waitFor(() => expect(answered(api)).toBe(300), { timeout: 12_000 });
    expect(maxInFlight(api, "north")).toBe(4);
    expect(maxInFlight(api, "south")).toBe(4);
    // Had the two providers shared one cap, the API would never have seen more than 4 at once.
    expect(maxInFlight(api)).toBeGreaterThan(4);
    expect(maxInFlight(api)).toBeLessThanOrEqual(8);
    expect(tooMany(api)).toBe(0);
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
    let inFlight = 0;
    server.use(
      http.get(contactUrl(), async () => {
        inFlight++;
        await opened;
        return undefined;
      }),
      ...createContactHandlers({ contacts: CONTACTS }),
    );
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
    await waitFor(() => expect(inFlight).toBe(1));
    rerender(<Card lookup={first} />);
    open();
    await findByText(CONTACTS[1]!.full_name!);

    rerender(
      <>
        <Card lookup={first} />
        <Card lookup={later} />
      </>,
    );
    await findByText(CONTACTS[3]!.full_name!);
    expect(fetched).toEqual([contactDigitsAt(1), contactDigitsAt(3)]);
    expect(requests.map(askedDigits)).toEqual([contactDigitsAt(1), contactDigitsAt(3)]);
  });
});
