import { act, render, screen, waitFor } from "@testing-library/react";
import { useEffect, useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import type { Contact, ContactLookup } from "../../src/core/types.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { contactKeys } from "../../src/react/contactKeys.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";
import { useContact } from "../../src/react/useContact.js";
import { contactChannelName } from "../../src/react/useContactRefresh.js";
import { contactAt, digitsAt } from "../core/batchSupport.js";
import { server } from "../server.js";
import { createTestQueryClient, recordRequests, renderWithProvider, TEST_KEY } from "../utils.js";

// Tabs of one process share BroadcastChannel names, and test files run side by side in threads:
// every test here has a tenant of its own.
let tenantSerial = 0;
const freshTenant = () => `live-${process.pid}-${Date.now()}-${tenantSerial++}`;

const phone = (n: number): ContactLookup => ({ phoneNumber: `+${digitsAt(n)}` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The stand-in API with contacts the test can change between ticks, and a log of what reached it. */
function liveApi(count: number, tenantId: string, baseUrl?: string) {
  const contacts: Contact[] = Array.from({ length: count }, (_, n) => contactAt(n));
  server.use(...createContactHandlers({ contacts, tenantId, ...(baseUrl ? { baseUrl } : {}) }));
  const requests = recordRequests(server);
  const since = (from: number) => requests.slice(from).filter((request) => !baseUrl || request.url.startsWith(baseUrl));
  const change = (n: number, patch: Partial<Contact>) => {
    contacts[n] = { ...contacts[n]!, ...patch };
  };
  return { contacts, requests, since, change };
}

function Row({ lookup }: { lookup: ContactLookup }) {
  const { data } = useContact(lookup);
  return <li data-testid="row">{data ? `${data.full_name} (${data.has_unread_messages ? "unread" : "read"})` : "…"}</li>;
}

/** Rows that mount two at a time with a gap between, as a list scrolls. */
function ScrollingRows({ count, gapMs }: { count: number; gapMs: number }) {
  const [shown, setShown] = useState(2);
  useEffect(() => {
    if (shown >= count) return;
    const timer = setTimeout(() => setShown((value) => Math.min(count, value + 2)), gapMs);
    return () => clearTimeout(timer);
  }, [shown, count, gapMs]);
  return (
    <ul>
      {Array.from({ length: shown }, (_, n) => (
        <Row key={n} lookup={phone(n)} />
      ))}
    </ul>
  );
}

const rowTexts = () => screen.queryAllByTestId("row").map((row) => row.textContent);
const names = (count: number, suffix = "") => Array.from({ length: count }, (_, n) => `Contact ${n}${suffix} (read)`);

let visibility: DocumentVisibilityState = "visible";
function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => visibility });
  act(() => {
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  });
}

afterEach(() => {
  visibility = "visible";
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
});

describe("FlowIQProvider refetchInterval", () => {
  it("refreshes 40 rows mounted at different moments in one batch a tick, and shows what changed", async () => {
    const tenantId = freshTenant();
    const api = liveApi(40, tenantId);
    renderWithProvider(<ScrollingRows count={40} gapMs={30} />, { tenantId, batch: true, refetchInterval: 1000 });
    await waitFor(() => expect(rowTexts()).toEqual(names(40)), { timeout: 5000 });

    const from = api.requests.length;
    for (let n = 0; n < 40; n++) api.change(n, { full_name: `Contact ${n} v2` });
    const started = Date.now();
    await waitFor(() => expect(rowTexts()).toEqual(names(40, " v2")), { timeout: 8000 });
    // Three ticks' worth of time, whatever the machine's pace.
    await sleep(Math.max(0, 3100 - (Date.now() - started)));
    const sent = api.since(from);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThanOrEqual(4);
    expect(sent.every((request) => new URL(request.url).pathname.endsWith("/contacts"))).toBe(true);
  });

  it("makes no request while the page is hidden and catches up in one batch when it shows", async () => {
    const tenantId = freshTenant();
    const api = liveApi(6, tenantId);
    renderWithProvider(<ScrollingRows count={6} gapMs={0} />, { tenantId, batch: true, refetchInterval: 200 });
    await waitFor(() => expect(rowTexts()).toEqual(names(6)));

    setVisibility("hidden");
    const from = api.requests.length;
    for (let n = 0; n < 6; n++) api.change(n, { has_unread_messages: true });
    await sleep(800); // four ticks' time
    expect(api.since(from)).toHaveLength(0);
    expect(rowTexts()).toEqual(names(6));

    setVisibility("visible");
    await waitFor(() => expect(rowTexts()).toEqual(names(6).map((text) => text.replace("(read)", "(unread)"))), { timeout: 4000 });
    const sent = api.since(from);
    expect(sent).toHaveLength(1);
    expect(new URL(sent[0]!.url).searchParams.getAll("phone_number")).toHaveLength(6);
  });

  it("asks for nothing when the page shows again before its contacts are due", async () => {
    const tenantId = freshTenant();
    const api = liveApi(3, tenantId);
    renderWithProvider(<ScrollingRows count={3} gapMs={0} />, { tenantId, batch: true, refetchInterval: 60_000 });
    await waitFor(() => expect(rowTexts()).toEqual(names(3)));
    const from = api.requests.length;
    setVisibility("hidden");
    setVisibility("visible");
    // A due contact's refetch would have started in the event handler: the cache shows none under way.
    expect(document.visibilityState).toBe("visible");
    await sleep(50);
    expect(api.since(from)).toHaveLength(0);
  });

  it("changes no DOM on a refresh that brings nothing new, and only the changed card's when one changes", async () => {
    const tenantId = freshTenant();
    const api = liveApi(8, tenantId);
    const { container, queryClient } = renderWithProvider(
      <div>
        {Array.from({ length: 8 }, (_, n) => (
          <ContactCard key={n} {...phone(n)} />
        ))}
      </div>,
      { tenantId, batch: true, refetchInterval: 150 },
    );
    await waitFor(() => expect(screen.getAllByText(/^Contact \d$/)).toHaveLength(8));
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(container, { subtree: true, childList: true, attributes: true, characterData: true });
    const answered = () => queryClient.getQueryState(contactKeys.detail(tenantId, phone(0)))!.dataUpdatedAt;

    const before = answered();
    const from = api.requests.length;
    // Two refreshes answered.
    await waitFor(() => expect(api.since(from).length).toBeGreaterThanOrEqual(2), { timeout: 5000 });
    await waitFor(() => expect(answered()).toBeGreaterThan(before));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(mutations).toHaveLength(0);

    api.change(3, { full_name: "Contact 3 renamed" });
    await screen.findByText("Contact 3 renamed", undefined, { timeout: 5000 });
    observer.disconnect();
    expect(mutations.length).toBeGreaterThan(0);
    const changedCard = screen.getByText("Contact 3 renamed").closest(".fiq-card")!;
    for (const record of mutations) expect(changedCard.contains(record.target) || record.target === changedCard).toBe(true);
  });

  it("rejects a refetchInterval that is not a positive number with a config error", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => renderWithProvider(<div />, { refetchInterval: -5 })).toThrow(expect.objectContaining({ code: "config" }));
    expect(() => renderWithProvider(<div />, { refetchInterval: Number.NaN })).toThrow(/refetchInterval/);
  });
});

describe("tabs sharing contacts", () => {
  /** Two tabs of one origin: separate caches and providers, each with its own address so requests tell them apart. */
  function twoTabs(tenantId: string, interval: number) {
    const a = liveApi(5, tenantId, "https://tab-a.example");
    const b = liveApi(0, tenantId, "https://tab-b.example");
    // Tab B's server sees the same contacts as tab A's.
    server.use(...createContactHandlers({ contacts: a.contacts, tenantId, baseUrl: "https://tab-b.example" }));
    const clientA = createTestQueryClient();
    const clientB = createTestQueryClient();
    const tab = (id: string, baseUrl: string, queryClient: ReturnType<typeof createTestQueryClient>) => (
      <section data-testid={id}>
        <FlowIQProvider tenantId={tenantId} apiKey={TEST_KEY} baseUrl={baseUrl} queryClient={queryClient} batch refetchInterval={interval}>
          <ScrollingRows count={5} gapMs={0} />
        </FlowIQProvider>
      </section>
    );
    render(
      <>
        {tab("a", "https://tab-a.example", clientA)}
        {tab("b", "https://tab-b.example", clientB)}
      </>,
    );
    return { a, b, clientA, clientB };
  }

  const tabTexts = (id: string) => Array.from(screen.getByTestId(id).querySelectorAll("li"), (row) => row.textContent);

  it("a hidden tab takes what a visible one fetched, with no request of its own", async () => {
    const tenantId = freshTenant();
    const { a, b, clientA, clientB } = twoTabs(tenantId, 60_000);
    await waitFor(() => expect(tabTexts("a")).toEqual(names(5)));
    await waitFor(() => expect(tabTexts("b")).toEqual(names(5)));
    const fromB = b.requests.length;
    a.change(2, { full_name: "Contact 2 v2" });
    await act(() => clientA.refetchQueries({ queryKey: contactKeys.tenant(tenantId) }));
    await waitFor(() => expect(tabTexts("b")[2]).toBe("Contact 2 v2 (read)"));
    expect(b.since(fromB)).toHaveLength(0);
    expect(clientB.getQueryState(contactKeys.detail(tenantId, phone(2)))!.dataUpdatedAt).toBe(
      clientA.getQueryState(contactKeys.detail(tenantId, phone(2)))!.dataUpdatedAt,
    );
  });

  it("ignores other tenants, malformed messages and contacts that do not parse", async () => {
    const tenantId = freshTenant();
    const api = liveApi(2, tenantId);
    const { queryClient } = renderWithProvider(<ScrollingRows count={2} gapMs={0} />, { tenantId, refetchInterval: 60_000 });
    await waitFor(() => expect(rowTexts()).toEqual(names(2)));
    const from = api.requests.length;
    const key = contactKeys.detail(tenantId, phone(0));
    // The same cache may hold another tenant's contacts (two providers, one QueryClient).
    const elsewhere = ["flowiq", "contact", "someone-else", key[3]] as const;
    queryClient.setQueryData(elsewhere, contactAt(0), { updatedAt: 1 });
    const later = Date.now() + 1;
    const good = { type: "flowiq-contact", key, data: { ...contactAt(0), full_name: "Shared" }, dataUpdatedAt: later };
    const hostile: unknown[] = [
      null,
      "text",
      { ...good, type: "other" },
      { ...good, key: elsewhere },
      { ...good, key: [...key, "extra"] },
      { ...good, key: "flowiq,contact" },
      { ...good, data: { full_name: "No id" } },
      { ...good, data: "<img onerror=alert(1)>" },
      { ...good, dataUpdatedAt: "soon" },
      { ...good, dataUpdatedAt: Number.POSITIVE_INFINITY },
      { ...good, dataUpdatedAt: 1 }, // older than what the tab holds
    ];
    const other = new BroadcastChannel(contactChannelName(tenantId));
    const otherTenant = new BroadcastChannel(contactChannelName(`${tenantId}-x`));
    try {
      otherTenant.postMessage(good);
      for (const message of hostile) other.postMessage(message);
      // Messages arrive in order: once the good one lands, every hostile one has been read.
      other.postMessage({ ...good, key: contactKeys.detail(tenantId, phone(1)), data: { ...contactAt(1), full_name: "Marker" } });
      await waitFor(() => expect(rowTexts()[1]).toBe("Marker (read)"));
      expect(rowTexts()[0]).toBe("Contact 0 (read)");
      expect(queryClient.getQueryState(elsewhere)!.dataUpdatedAt).toBe(1);
      other.postMessage(good);
      await waitFor(() => expect(rowTexts()[0]).toBe("Shared (read)"));
      // A contact from the future counts as fetched now, not later.
      expect(queryClient.getQueryState(key)!.dataUpdatedAt).toBeLessThanOrEqual(Date.now());
      expect(api.since(from)).toHaveLength(0);
    } finally {
      other.close();
      otherTenant.close();
    }
  });

  it("keeps working with no BroadcastChannel (old browsers, server rendering)", async () => {
    vi.stubGlobal("BroadcastChannel", undefined);
    const tenantId = freshTenant();
    const api = liveApi(2, tenantId);
    renderWithProvider(<ScrollingRows count={2} gapMs={0} />, { tenantId, batch: true, refetchInterval: 150 });
    await waitFor(() => expect(rowTexts()).toEqual(names(2)));
    api.change(1, { has_unread_messages: true });
    await waitFor(() => expect(rowTexts()[1]).toBe("Contact 1 (unread)"), { timeout: 5000 });
  });
});
