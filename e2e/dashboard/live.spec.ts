// examples/dashboard in live mode, in Chromium: the refresh tick (one batch per tick for the rows on
// screen), nothing while the page is hidden, one catch-up when it shows, pushed changes shown, and
// tabs of one origin that share what they fetch. Counts browser requests to /api/flowiq, never timings.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_TENANT } from "../../examples/dashboard/server/flowiqDemoApi.js";
import { generateConversations } from "../../examples/dashboard/src/conversations.js";
import { contactChannelName } from "../../src/react/useContactRefresh.js";
import { drawnIndexes, drawnRows, everyDrawnRowFilled, scroller } from "../support/inbox.js";

const conversations = generateConversations();

const TICK_MS = 1000;

/** A page of the inbox at `path`, counting its requests to the contact route. */
async function openPage(context: BrowserContext, path: string) {
  const page = await context.newPage();
  const requests: { at: number; contacts: number }[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/api/flowiq/")) return;
    requests.push({ at: Date.now(), contacts: url.searchParams.getAll("whatsapp_id").length + url.searchParams.getAll("phone_number").length });
  });
  await page.goto(path);
  await everyDrawnRowFilled(page);
  return { page, requests, since: (from: number) => requests.filter((request) => request.at >= from) };
}

/** Chromium cannot hide a tab on its own screen; the page is told it is hidden as a minimised tab is. */
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((value) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (value ? "hidden" : "visible") });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => value });
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  }, hidden);
}

const sleep = (page: Page, ms: number) => page.waitForTimeout(ms);

test.describe("the inbox with a refresh tick", () => {
  test("refreshes the rows on screen in one batch per tick", async ({ context }) => {
    const { page, since } = await openPage(context, `/?live=off&interval=${TICK_MS}`);
    const rows = await drawnRows(page).count();
    expect(rows).toBeGreaterThan(5);
    const from = Date.now();
    // A window of five ticks; on a slow machine fewer run, never more.
    await sleep(page, 5 * TICK_MS + 300);
    const sent = since(from);
    const ticks = Math.floor((Date.now() - from) / TICK_MS);
    expect(sent.length, "requests in five ticks").toBeGreaterThanOrEqual(2);
    expect(sent.length, `${sent.length} requests in ${ticks} ticks`).toBeLessThanOrEqual(ticks);
    // Each a batch of the drawn rows that were due, never one per row.
    expect(Math.max(...sent.map((request) => request.contacts))).toBeGreaterThan(5);
    await expect(page.getByTestId("per-minute")).not.toHaveText("0");
  });

  test("makes no request while hidden, and one catch-up batch when shown again", async ({ context }) => {
    const { page, since } = await openPage(context, `/?live=off&interval=${TICK_MS}`);
    await setHidden(page, true);
    const hiddenFrom = Date.now();
    await sleep(page, 3 * TICK_MS + 200);
    expect(since(hiddenFrom), "requests while hidden").toEqual([]);
    const shownAt = Date.now();
    await setHidden(page, false);
    await expect.poll(() => since(shownAt).length).toBeGreaterThanOrEqual(1);
    // Before the next tick could run: exactly the catch-up.
    const catchUp = since(shownAt).filter((request) => request.at < shownAt + TICK_MS * 0.9);
    expect(catchUp).toHaveLength(1);
    expect(catchUp[0]!.contacts).toBeGreaterThan(5);
  });

  test("shows the changes the server pushes (online, unread) as they happen", async ({ context }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 2400 });
    // The page's own subscription, beside the app's, to know what the server said.
    await page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { __live: unknown[] }).__live = seen;
      addEventListener("DOMContentLoaded", () => {
        new EventSource("/api/live").addEventListener("contacts", (event) => seen.push(JSON.parse((event as MessageEvent<string>).data)));
      });
    });
    await page.goto("/?interval=60000");
    await everyDrawnRowFilled(page);
    // Each drawn row's online marker as loaded, then only what the server pushes from here on counts.
    type Pushed = { whatsapp_id: string; active_status: boolean };
    const online = (index: number) =>
      scroller(page).locator(`[role="row"][aria-rowindex="${index + 2}"] [data-part="chip"] [data-marker="online"]`).count();
    const drawn = await drawnIndexes(page);
    const loaded = new Map(await Promise.all(drawn.map(async (index) => [index, await online(index)] as const)));
    const from = await page.evaluate(() => (window as unknown as { __live: unknown[] }).__live.length);
    // Some drawn row's chip comes to show what the server last pushed for it, which is not what it loaded with.
    // (Rounds keep flipping contacts, so each poll compares against the latest push, never a stale one.)
    const showsAPush = async () => {
      const events = await page.evaluate(() => (window as unknown as { __live: { contacts: Pushed[] }[] }).__live);
      const latest = new Map(events.flatMap((event) => event.contacts).map((contact) => [contact.whatsapp_id, contact.active_status]));
      const pushed = new Set(events.slice(from).flatMap((event) => event.contacts.map((contact) => contact.whatsapp_id)));
      for (const index of drawn) {
        const id = conversations[index]?.whatsappId;
        if (!id || !pushed.has(id)) continue;
        const shown = await online(index);
        if (shown === (latest.get(id) ? 1 : 0) && shown !== loaded.get(index)) return true;
      }
      return false;
    };
    await expect.poll(showsAPush, { timeout: 30_000 }).toBe(true);
  });
});

test.describe("several tabs of the inbox", () => {
  test("cost about one tab's requests: hidden ones ask nothing, and a tab shown again uses what another just fetched", async ({ context }) => {
    const path = `/?live=off&interval=${2 * TICK_MS}`;
    const tabs = [await openPage(context, path), await openPage(context, path), await openPage(context, path)];
    await setHidden(tabs[1]!.page, true);
    await setHidden(tabs[2]!.page, true);
    const from = Date.now();
    await sleep(tabs[0]!.page, 3 * 2 * TICK_MS + 300);
    const ticks = Math.floor((Date.now() - from) / (2 * TICK_MS));
    expect(tabs[1]!.since(from), "hidden tab").toEqual([]);
    expect(tabs[2]!.since(from), "hidden tab").toEqual([]);
    expect(tabs[0]!.since(from).length).toBeGreaterThanOrEqual(1);
    expect(tabs[0]!.since(from).length).toBeLessThanOrEqual(ticks);

    // Right after the visible tab's next tick is answered and shared, a hidden tab is shown: it already holds that answer.
    // A probe on the hidden tab's channel, opened after the app's, hears each message after the app has: once it
    // has heard every contact of the answer, so has the app (delivery takes a moment on a busy machine).
    await tabs[1]!.page.evaluate((name) => {
      const heard: number[] = [];
      (window as unknown as { __heard: number[] }).__heard = heard;
      new BroadcastChannel(name).onmessage = (event: MessageEvent<{ dataUpdatedAt: number }>) => heard.push(event.data.dataUpdatedAt);
    }, contactChannelName(DEMO_TENANT));
    const answer = await tabs[0]!.page.waitForResponse((response) => response.url().includes("/api/flowiq/"), { timeout: 10_000 });
    await answer.finished();
    const sentAt = answer.request().timing().startTime;
    const asked = new URL(answer.url()).searchParams;
    const answered = asked.getAll("whatsapp_id").length + asked.getAll("phone_number").length;
    expect(answered).toBeGreaterThan(5);
    await expect
      .poll(() => tabs[1]!.page.evaluate((from) => (window as unknown as { __heard: number[] }).__heard.filter((at) => at >= from).length, sentAt))
      .toBeGreaterThanOrEqual(answered);
    const shownAt = Date.now();
    await setHidden(tabs[1]!.page, false);
    await sleep(tabs[1]!.page, 400);
    expect(tabs[1]!.since(shownAt), "requests of the tab shown again").toEqual([]);
  });
});
