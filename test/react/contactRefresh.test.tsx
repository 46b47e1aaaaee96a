import { useQuery } from "@tanstack/react-query";
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
/** Waits for a state outside the DOM where setInterval is faked (Testing Library's waitFor polls with it). */
async function until(check: () => boolean, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting for the state");
    await sleep(10);
  }
}

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
  const [shown, setShown] = useState(Math.min(2, count));
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
    expect(() => renderWithProvider(<div />, { refetchInterval: 0 })).toThrow(expect.objectContaining({ code: "config" }));
    expect(() => renderWithProvider(<div />, { refetchInterval: Number.NaN })).toThrow(/refetchInterval/);
  });

  it("refreshes once a tick, not every other tick: each answer is about one interval after the last", async () => {
    const tenantId = freshTenant();
    liveApi(1, tenantId);
    const interval = 1000;
    const { queryClient } = renderWithProvider(<ScrollingRows count={1} gapMs={0} />, { tenantId, refetchInterval: interval });
    await waitFor(() => expect(rowTexts()).toEqual(names(1)));
    const answers: number[] = [];
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "success") answers.push(event.query.state.dataUpdatedAt);
    });
    try {
      await waitFor(() => expect(answers.length).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    } finally {
      unsubscribe();
    }
    // A contact answered one tick ago is due at the next (a tick skipping it would double the gap).
    for (let n = 1; n < answers.length; n++) expect(answers[n]! - answers[n - 1]!).toBeLessThan(1.6 * interval);
  });

  it("keeps refreshing through an API slower than the tick: a tick joins the fetch under way instead of restarting it", async () => {
    const tenantId = freshTenant();
    const contacts = [contactAt(0)];
    // Each answer takes longer than the interval, so every tick finds the last one still under way.
    server.use(...createContactHandlers({ contacts, tenantId, delayMs: 400 }));
    const requests = recordRequests(server);
    renderWithProvider(<ScrollingRows count={1} gapMs={0} />, { tenantId, batch: true, refetchInterval: 250 });
    await waitFor(() => expect(rowTexts()).toEqual(names(1)), { timeout: 5000 });
    const from = requests.length;
    contacts[0] = { ...contacts[0]!, full_name: "Contact 0 v2" };
    await waitFor(() => expect(rowTexts()).toEqual(["Contact 0 v2 (read)"]), { timeout: 8000 });
    // Every request answered before the next began: none was abandoned by a tick.
    const aborted = requests.slice(from).filter((request) => request.signal.aborted);
    expect(aborted).toHaveLength(0);
  });

  it("keeps the last answer and raises nothing when a refresh fails", async () => {
    const tenantId = freshTenant();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      liveApi(2, tenantId);
      const { queryClient } = renderWithProvider(<ScrollingRows count={2} gapMs={0} />, { tenantId, batch: true, refetchInterval: 150 });
      await waitFor(() => expect(rowTexts()).toEqual(names(2)));
      server.use(...createContactHandlers({ contacts: [], tenantId, failures: Number.MAX_SAFE_INTEGER }));
      const key = contactKeys.detail(tenantId, phone(0));
      await waitFor(() => expect(queryClient.getQueryState(key)!.errorUpdatedAt).toBeGreaterThan(0), { timeout: 8000 });
      // Past the failed tick's settling: a rejection left unhandled would be reported by now.
      await waitFor(() => expect(queryClient.isFetching()).toBe(0), { timeout: 8000 });
      await sleep(0);
      expect(rowTexts()).toEqual(names(2));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("refreshes only the contacts on screen: not rows scrolled away, nor the app's own queries", async () => {
    const tenantId = freshTenant();
    const api = liveApi(3, tenantId);
    let appFetches = 0;
    function AppQuery() {
      useQuery({ queryKey: ["app", "contact", tenantId, "inbox"], queryFn: () => ++appFetches, staleTime: Number.POSITIVE_INFINITY });
      return null;
    }
    const { queryClient, rerender } = renderWithProvider(
      <>
        <AppQuery />
        <ScrollingRows count={3} gapMs={0} />
      </>,
      { tenantId, batch: true, refetchInterval: 150 },
    );
    await waitFor(() => expect(rowTexts()).toEqual(names(3)));
    rerender(
      <>
        <AppQuery />
        <Row lookup={phone(0)} />
      </>,
    );
    const gone = contactKeys.detail(tenantId, phone(2));
    const goneAt = queryClient.getQueryState(gone)!.dataUpdatedAt;
    const from = api.requests.length;
    // Two refreshes of the row still shown.
    await waitFor(() => expect(api.since(from).length).toBeGreaterThanOrEqual(2), { timeout: 5000 });
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    for (const request of api.since(from)) expect(new URL(request.url).searchParams.getAll("phone_number")).toEqual([digitsAt(0)]);
    expect(queryClient.getQueryState(gone)!.dataUpdatedAt).toBe(goneAt);
    expect(appFetches).toBe(1);
  });

  describe("on its own timer (setInterval held still)", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("catches up at once when the page shows again, without waiting for the next tick", async () => {
      vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
      const tenantId = freshTenant();
      const api = liveApi(2, tenantId);
      renderWithProvider(<ScrollingRows count={2} gapMs={0} />, { tenantId, batch: true, refetchInterval: 100 });
      await waitFor(() => expect(rowTexts()).toEqual(names(2)));
      setVisibility("hidden");
      api.change(1, { has_unread_messages: true });
      // Older than the interval while hidden (no tick runs: the timer is held).
      await sleep(150);
      const from = api.requests.length;
      setVisibility("visible");
      await waitFor(() => expect(rowTexts()[1]).toBe("Contact 1 (unread)"));
      expect(api.since(from)).toHaveLength(1);
    });

    it("counts a contact answered exactly three quarters of an interval before a tick as due", async () => {
      vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
      const tenantId = freshTenant();
      const api = liveApi(1, tenantId);
      const { queryClient } = renderWithProvider(<ScrollingRows count={1} gapMs={0} />, { tenantId, refetchInterval: 1000 });
      await waitFor(() => expect(rowTexts()).toEqual(names(1)));
      await waitFor(() => expect(queryClient.isFetching()).toBe(0));
      const key = contactKeys.detail(tenantId, phone(0));
      const now = Date.now();
      queryClient.setQueryData(key, contactAt(0), { updatedAt: now - 750 });
      api.change(0, { has_unread_messages: true });
      const from = api.requests.length;
      // The tick reads the clock once, when it picks what is due: held at `now` for it.
      const clock = vi.spyOn(Date, "now").mockReturnValue(now);
      try {
        act(() => {
          vi.advanceTimersByTime(1000);
        });
      } finally {
        clock.mockRestore();
      }
      await waitFor(() => expect(rowTexts()).toEqual(["Contact 0 (unread)"]));
      expect(api.since(from)).toHaveLength(1);
    });

    it("leaves no timer, listener or channel behind when unmounted, or when the interval changes", async () => {
      vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
      const added = vi.spyOn(document, "addEventListener");
      const removed = vi.spyOn(document, "removeEventListener");
      const tenantId = freshTenant();
      const api = liveApi(1, tenantId);
      const queryClient = createTestQueryClient();
      const ui = (interval?: number) => (
        <FlowIQProvider tenantId={tenantId} apiKey={TEST_KEY} queryClient={queryClient} refetchInterval={interval}>
          <ScrollingRows count={1} gapMs={0} />
        </FlowIQProvider>
      );
      const { rerender, unmount } = render(ui(100));
      await waitFor(() => expect(rowTexts()).toEqual(names(1)));
      expect(vi.getTimerCount()).toBe(1);
      rerender(ui(60_000));
      expect(vi.getTimerCount()).toBe(1);
      rerender(ui(undefined));
      expect(vi.getTimerCount()).toBe(0);
      rerender(ui(100));
      unmount();
      expect(vi.getTimerCount()).toBe(0);
      const handlers = (spy: typeof added) => spy.mock.calls.filter(([type]) => type === "visibilitychange").map(([, handler]) => handler);
      expect(handlers(added).length).toBeGreaterThan(0);
      expect(handlers(removed)).toEqual(handlers(added));
      // Another tab's message no longer reaches the unmounted provider's cache.
      const key = contactKeys.detail(tenantId, phone(0));
      const other = new BroadcastChannel(contactChannelName(tenantId));
      const marker = new BroadcastChannel(contactChannelName(tenantId));
      const seen: unknown[] = [];
      marker.onmessage = (event) => seen.push(event.data);
      try {
        other.postMessage({ type: "flowiq-contact", key, data: { ...contactAt(0), full_name: "Too late" }, dataUpdatedAt: Date.now() });
        await until(() => seen.length === 1);
        expect(queryClient.getQueryData<Contact>(key)!.full_name).toBe("Contact 0");
        expect(api.requests.filter((request) => request.signal.aborted)).toHaveLength(0);
      } finally {
        other.close();
        marker.close();
      }
    });
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
    // B's rows may show what A shared before B's own first batch has answered: counted from when
    // neither tab has a fetch left.
    await waitFor(() => expect(clientA.isFetching() + clientB.isFetching()).toBe(0));
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
    queryClient.setQueryData([...contactKeys.detail(tenantId, phone(3)), "extra"], contactAt(3), { updatedAt: 1 });
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
      { ...good, dataUpdatedAt: queryClient.getQueryState(key)!.dataUpdatedAt }, // as old as what the tab holds
      // A contact this tab does not hold, though it holds a longer key under it.
      { ...good, key: contactKeys.detail(tenantId, phone(3)) },
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
      expect(queryClient.getQueryState(contactKeys.detail(tenantId, phone(3)))).toBeUndefined();
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

  /** Listens on a tenant's channel as another tab would. */
  function listen(tenantId: string) {
    const channel = new BroadcastChannel(contactChannelName(tenantId));
    const messages: Array<{ type: string; key: unknown[]; data: Contact | null }> = [];
    channel.onmessage = (event: MessageEvent) => messages.push(event.data as (typeof messages)[number]);
    return { channel, messages };
  }

  it("posts each contact it fetches once, and nothing else in its cache", async () => {
    const tenantId = freshTenant();
    liveApi(1, tenantId);
    const { channel, messages } = listen(tenantId);
    try {
      const { queryClient } = renderWithProvider(<ScrollingRows count={1} gapMs={0} />, { tenantId, refetchInterval: 60_000 });
      await waitFor(() => expect(rowTexts()).toEqual(names(1)));
      // Queries of the same cache that are not this tenant's contacts, each a near miss of a contact key.
      const digits = digitsAt(1);
      const others: unknown[][] = [
        ["app", "contact", tenantId, digits],
        ["flowiq", "other", tenantId, digits],
        ["flowiq", "contact", tenantId],
        ["flowiq", "contact", tenantId, 5],
        ["flowiq", "contact", tenantId, digits, "extra"],
      ];
      for (const queryKey of others) await queryClient.fetchQuery({ queryKey, queryFn: () => contactAt(1) });
      // A positive control after them: messages arrive in order.
      await act(() => queryClient.refetchQueries({ queryKey: contactKeys.tenant(tenantId) }));
      await waitFor(() => expect(messages).toHaveLength(2));
      await sleep(50);
      expect(messages.map((message) => message.key)).toEqual([contactKeys.detail(tenantId, phone(0)), contactKeys.detail(tenantId, phone(0))]);
    } finally {
      channel.close();
    }
  });

  it("shares a not-found answer too", async () => {
    const tenantId = freshTenant();
    const api = liveApi(1, tenantId);
    const { queryClient } = renderWithProvider(<ScrollingRows count={1} gapMs={0} />, { tenantId, refetchInterval: 60_000 });
    await waitFor(() => expect(rowTexts()).toEqual(names(1)));
    const from = api.requests.length;
    const key = contactKeys.detail(tenantId, phone(0));
    const other = new BroadcastChannel(contactChannelName(tenantId));
    try {
      other.postMessage({ type: "flowiq-contact", key, data: null, dataUpdatedAt: Date.now() });
      await waitFor(() => expect(queryClient.getQueryData(key)).toBeNull());
      expect(api.since(from)).toHaveLength(0);
    } finally {
      other.close();
    }
  });

  it("shares nothing without a refetchInterval", async () => {
    const tenantId = freshTenant();
    liveApi(1, tenantId);
    const { channel, messages } = listen(tenantId);
    const probe = new BroadcastChannel(contactChannelName(tenantId));
    try {
      const { queryClient } = renderWithProvider(<ScrollingRows count={1} gapMs={0} />, { tenantId });
      await waitFor(() => expect(rowTexts()).toEqual(names(1)));
      await act(() => queryClient.refetchQueries({ queryKey: contactKeys.tenant(tenantId) }));
      // A positive control after the fetches: once it arrives, a message of theirs would have.
      probe.postMessage({ type: "marker", key: [], data: null });
      await waitFor(() => expect(messages).toHaveLength(1));
      expect(messages[0]).toMatchObject({ type: "marker" });
    } finally {
      channel.close();
      probe.close();
    }
  });

  it("drops a message of `undefined`, which browsers deliver as it is (Node and jsdom turn it into null)", async () => {
    const channels: Array<{ onmessage: ((event: MessageEvent) => void) | null }> = [];
    vi.stubGlobal(
      "BroadcastChannel",
      class {
        onmessage: ((event: MessageEvent) => void) | null = null;
        constructor() {
          channels.push(this);
        }
        postMessage() {}
        close() {}
      },
    );
    const tenantId = freshTenant();
    liveApi(1, tenantId);
    const { queryClient } = renderWithProvider(<ScrollingRows count={1} gapMs={0} />, { tenantId, refetchInterval: 60_000 });
    await waitFor(() => expect(rowTexts()).toEqual(names(1)));
    expect(channels).toHaveLength(1);
    expect(() => channels[0]!.onmessage!({ data: undefined } as MessageEvent)).not.toThrow();
    expect(queryClient.getQueryData<Contact>(contactKeys.detail(tenantId, phone(0)))!.full_name).toBe("Contact 0");
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
