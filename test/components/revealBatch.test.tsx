// ContactCard shows an answer that arrives alone at once, and answers that arrive in a burst together,
// in one commit at the end of a 100 ms window (a page of 500 cards is drawn ~10 times a second, not
// every frame). Real timers: the window is short; the test waits for states, never for a time.
import { Profiler, type ProfilerOnRenderCallback } from "react";
import { act, render, renderHook, screen } from "@testing-library/react";
import { delay, http, HttpResponse } from "msw";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import { REVEAL_WINDOW_MS, useRevealBatch } from "../../src/components/ContactCard/useRevealBatch.js";
import { contactQueryKey } from "../../src/core/contactQuery.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";
import { server } from "../server.js";
import { API, createTestQueryClient, TEST_KEY } from "../utils.js";

// Six: the provider's request cap with an API key, so every card asks at once.
const people = Array.from({ length: 6 }, (_, index) =>
  buildContact({ id: `p-${index}`, full_name: `Person ${index}`, phone_number: `+2782000${String(index).padStart(4, "0")}`, whatsapp_id: `2782000${String(index).padStart(4, "0")}` }),
);

/** Answers each lookup when the test says so. */
function heldAnswers() {
  const release = new Map<string, () => void>();
  const asked = new Set<string>();
  server.use(
    http.get(`${API}/contact`, async ({ request }) => {
      const digits = new URL(request.url).searchParams.get("phone_number")!.replace(/\D/g, "");
      asked.add(digits);
      await new Promise<void>((resolve) => release.set(digits, resolve));
      return HttpResponse.json({ contact: people.find((person) => person.whatsapp_id === digits) });
    }),
  );
  return {
    asked,
    answer: (person: (typeof people)[number]) => release.get(person.whatsapp_id!)!(),
  };
}

const ready = () => document.querySelectorAll('.fiq-card[data-state="ready"]').length;
const quiet = () => act(() => delay(REVEAL_WINDOW_MS + 20));

function renderCards(count: number, onCommit?: ProfilerOnRenderCallback) {
  const queryClient = createTestQueryClient();
  const cards = people.slice(0, count).map((person) => <ContactCard key={person.id} phoneNumber={person.phone_number!} />);
  render(
    <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} queryClient={queryClient}>
      {onCommit ? <Profiler id="cards" onRender={onCommit}>{cards}</Profiler> : cards}
    </FlowIQProvider>,
  );
  return queryClient;
}

describe("ContactCards whose answers arrive", () => {
  it("alone: shows it at once, setting no timer of its own", async () => {
    await quiet();
    const { asked, answer } = heldAnswers();
    renderCards(1);
    await vi.waitFor(() => expect(asked.size).toBe(1));
    const timers = vi.spyOn(globalThis, "setTimeout");
    answer(people[0]!);
    await screen.findByRole("heading", { name: "Person 0" });
    // TanStack Query's own notification is a 0 ms timeout; a held reveal would be one of up to the window.
    expect(timers.mock.calls.filter(([, ms]) => (ms ?? 0) > 0 && ms! <= REVEAL_WINDOW_MS)).toEqual([]);
  });

  it("in a burst: holds the later ones and shows them together, in one commit", async () => {
    await quiet();
    const { asked, answer } = heldAnswers();
    const commits: number[] = [];
    const queryClient = renderCards(6, () => commits.push(ready()));
    await vi.waitFor(() => expect(asked.size).toBe(6));
    // The test's clock: the answers land inside one window however busy the machine is.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const step = () => act(() => vi.advanceTimersByTimeAsync(0));
      // The first answer shows at once and opens the window.
      answer(people[0]!);
      for (let n = 0; n < 50 && ready() < 1; n++) await step();
      expect(ready()).toBe(1);
      // Five more inside the window: each is in the cache, none is drawn yet.
      for (const person of people.slice(1)) answer(person);
      const cached = () => people.filter((person) => queryClient.getQueryData(contactQueryKey("acme", person.phone_number!))).length;
      for (let n = 0; n < 50 && cached() < 6; n++) await step();
      expect(cached()).toBe(6);
      expect(ready()).toBe(1);
      // The window ends: all five at once.
      await act(() => vi.advanceTimersByTimeAsync(REVEAL_WINDOW_MS));
      expect(ready()).toBe(6);
    } finally {
      vi.useRealTimers();
    }
    // Commits showed 1 card, then all 6: never a count in between.
    expect(commits.filter((count) => count > 1 && count < 6)).toEqual([]);
    expect(commits).toContain(6);
  });

  it("shows a contact already in the cache in the first render, as a server render does", async () => {
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(contactQueryKey("acme", people[3]!.phone_number!), people[3]);
    await quiet();
    render(
      <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} queryClient={queryClient}>
        <ContactCard phoneNumber={people[3]!.phone_number!} />
      </FlowIQProvider>,
    );
    expect(screen.getByRole("heading", { name: "Person 3" })).toBeInTheDocument();
  });

  it("recovers when the window's timer never fires (fake timers put back), showing what waited", async () => {
    await quiet();
    const { asked, answer } = heldAnswers();
    renderCards(3);
    await vi.waitFor(() => expect(asked.size).toBe(3));
    answer(people[0]!);
    await vi.waitFor(() => expect(ready()).toBe(1));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      answer(people[1]!);
      // TanStack Query notifies on a 0 ms timeout; the card's reveal then waits on a timer that is thrown away.
      for (let step = 0; step < 20; step++) await act(() => vi.advanceTimersByTimeAsync(0));
      expect(ready()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
    await act(() => delay(2 * REVEAL_WINDOW_MS + 20));
    expect(ready()).toBe(1);
    answer(people[2]!);
    await vi.waitFor(() => expect(ready()).toBe(3));
  });

  it("is not held back by a clock that went back (a fake clock ahead of the real one, put back)", async () => {
    await quiet();
    const { asked, answer } = heldAnswers();
    renderCards(2);
    await vi.waitFor(() => expect(asked.size).toBe(2));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      // The first card is shown at a time five seconds ahead of the real clock.
      vi.setSystemTime(Date.now() + 5000);
      answer(people[0]!);
      for (let step = 0; step < 20 && ready() < 1; step++) await act(() => vi.advanceTimersByTimeAsync(0));
      expect(ready()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
    await quiet();
    answer(people[1]!);
    await vi.waitFor(() => expect(ready()).toBe(2), { timeout: 2000 });
  });
});

describe("useRevealBatch's window, on a fake clock", () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    // The window is shared by every card of the page (of this test file too): one card shown and
    // its window run out leaves no reveal pending and the last one more than a window ago.
    await act(() => vi.advanceTimersByTimeAsync(10 * REVEAL_WINDOW_MS));
    show(card());
    await act(() => vi.advanceTimersByTimeAsync(10 * REVEAL_WINDOW_MS));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A card's reveal state: loading until `show` says its answer is in. */
  const card = (ready = false) => renderHook(({ ready: has }) => useRevealBatch(has), { initialProps: { ready } });
  type Card = ReturnType<typeof card>;
  const show = (one: Card) => act(() => one.rerender({ ready: true }));
  /** Moves the clock without running a timer: a busy page, or a timer that was lost. */
  const clockAt = (ms: number) => vi.setSystemTime(ms);

  it("shows a card at once when the last one was shown exactly a window ago", () => {
    const [first, second] = [card(), card()];
    const t0 = Date.now();
    show(first);
    expect(first.result.current).toBe(true);
    clockAt(t0 + REVEAL_WINDOW_MS);
    show(second);
    expect(second.result.current).toBe(true);
  });

  it("holds cards that come within the window until it ends, on one timer for all of them", async () => {
    const [first, ...burst] = [card(), card(), card(), card()];
    const t0 = Date.now();
    show(first!);
    clockAt(t0 + 10);
    for (const one of burst) show(one);
    expect(burst.map((one) => one.result.current)).toEqual([false, false, false]);
    expect(vi.getTimerCount()).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(REVEAL_WINDOW_MS - 11));
    expect(burst.map((one) => one.result.current)).toEqual([false, false, false]);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(burst.map((one) => one.result.current)).toEqual([true, true, true]);
  });

  it("keeps a late card with the held ones when the clock passes the window's end before its timer runs", async () => {
    const [first, held, late] = [card(), card(), card()];
    const t0 = Date.now();
    show(first);
    clockAt(t0 + 10);
    show(held);
    clockAt(t0 + REVEAL_WINDOW_MS + 50);
    show(late);
    expect([held.result.current, late.result.current]).toEqual([false, false]);
    await act(() => vi.runOnlyPendingTimersAsync());
    expect([held.result.current, late.result.current]).toEqual([true, true]);
  });

  it("runs a reveal whose timer was lost once the clock is more than a window past when it was due", () => {
    const [first, held, atEdge, past] = [card(), card(), card(), card()];
    const t0 = Date.now();
    show(first);
    clockAt(t0 + 10);
    // Due at t0 + one window.
    show(held);
    clockAt(t0 + 2 * REVEAL_WINDOW_MS);
    show(atEdge);
    expect([held.result.current, atEdge.result.current]).toEqual([false, false]);
    clockAt(t0 + 2 * REVEAL_WINDOW_MS + 1);
    show(past);
    expect([held.result.current, atEdge.result.current]).toEqual([true, true]);
  });

  it("runs the held reveals at once when the clock goes back by more than a window", () => {
    const [first, held, after] = [card(), card(), card()];
    const t0 = Date.now();
    show(first);
    clockAt(t0 + 10);
    show(held);
    clockAt(t0 - 1000);
    show(after);
    expect(held.result.current).toBe(true);
  });

  it("holds a card that loads a new contact again, though it showed its first one in its first render", async () => {
    const [first, other] = [card(), card(true)];
    expect(other.result.current).toBe(true);
    const t0 = Date.now();
    show(first);
    clockAt(t0 + 10);
    act(() => other.rerender({ ready: false }));
    expect(other.result.current).toBe(false);
    show(other);
    expect(other.result.current).toBe(false);
    await act(() => vi.runOnlyPendingTimersAsync());
    expect(other.result.current).toBe(true);
  });
});
