// examples/dashboard in Chromium, as `npm run dashboard` serves it (playwright.config.ts starts it):
// a 10,000-row inbox whose chips are fetched in batches through createContactRouteHandler from
// the stand-in API in the same process. Counts browser requests (to /api/flowiq) and the requests
// that reached the API (its log, /__standin/requests); request counts, never timings.
import { createRequire } from "node:module";
import { expect, test, type Locator, type Page } from "@playwright/test";
import type { StandInRequest } from "../../standin/index.js";
import { CONVERSATION_COUNT, generateConversations } from "../../examples/dashboard/src/conversations.js";
import { apiLog, drawnIndexes, drawnRows, everyDrawnRowFilled, jumpToBottom, openInbox, resetApiLog, scroller, visibleIndexes } from "../support/inbox.js";

const conversations = generateConversations();
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const grid = (page: Page) => page.getByRole("grid", { name: "Inbox" });
const panel = (page: Page) => page.getByRole("complementary", { name: "Contact" });

/** The numbers that reached the API, each as digits. */
const askedDigits = (requests: StandInRequest[]) => requests.map((request) => request.digits);

test.describe("the inbox's first screen", () => {
  test("fills with one browser request (two at most), one API call per contact on screen, each contact once", async ({ page }) => {
    const { browserRequests } = await openInbox(page);
    const drawn = await drawnIndexes(page);
    expect(drawn.length, "rows drawn for the first screen").toBeGreaterThan(5);
    expect(drawn.length, "rows drawn: a screenful, not 10,000").toBeLessThan(40);

    expect(browserRequests.length, browserRequests.map(String).join("\n")).toBeGreaterThanOrEqual(1);
    expect(browserRequests.length).toBeLessThanOrEqual(2);
    expect(browserRequests.every((url) => url.pathname === "/api/flowiq/contacts"), "every request is a batch").toBe(true);

    const api = await apiLog(page);
    const expected = drawn.map((index) => conversations[index]!.whatsappId);
    expect(askedDigits(api).sort()).toEqual([...new Set(expected)].sort());
    expect(api.every((request) => request.authorized && request.tenantId === "acme-inbox")).toBe(true);
  });

  test("with ?batch=off, takes one browser request per contact instead (what batching saves)", async ({ page }) => {
    const { browserRequests } = await openInbox(page, "", "/?batch=off");
    const distinct = new Set((await drawnIndexes(page)).map((index) => conversations[index]!.whatsappId));
    expect(browserRequests.every((url) => url.pathname === "/api/flowiq/contact")).toBe(true);
    expect(browserRequests.length).toBe(distinct.size);
    expect((await apiLog(page)).length).toBe(distinct.size);
  });

  test("shows each row's contact as a chip and the selected one's card in the panel", async ({ page }) => {
    await openInbox(page);
    const first = drawnRows(page).first();
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(first.locator('[data-part="chip"]')).toHaveText(/Pieter Khumalo/);
    await expect(panel(page).getByRole("heading", { name: "Pieter Khumalo" })).toBeVisible();
  });

  test("shows a conversation from a number no contact has as an unknown contact", async ({ page }) => {
    await openInbox(page);
    // One conversation in 37 (the 37th first) comes from a number the API does not know.
    await scroller(page).evaluate((element) => element.scrollTo({ top: 30 * 52 }));
    const row = scroller(page).locator('[role="row"][aria-rowindex="38"]');
    await expect(row.locator('[data-part="chip"]')).toHaveAttribute("data-state", "not-found");
    await expect(row.locator('[data-part="chip"]')).toContainText(`+${conversations[36]!.whatsappId}`);
  });
});

test.describe("the inbox scrolled to the bottom in one jump", () => {
  test("asks only for the rows on screen there (and the few drawn beyond it), none of those passed over", async ({ page }) => {
    const { browserRequests } = await openInbox(page);
    await resetApiLog(page);
    const before = browserRequests.length;

    await jumpToBottom(page, CONVERSATION_COUNT);

    const visible = await visibleIndexes(page);
    const drawn = await drawnIndexes(page);
    const api = await apiLog(page);
    expect(visible.length).toBeGreaterThan(5);
    expect(Math.min(...drawn), "only rows near the bottom are drawn").toBeGreaterThan(CONVERSATION_COUNT - 40);
    expect(api.length / visible.length, `${api.length} API requests for ${visible.length} visible rows`).toBeLessThanOrEqual(1.5);
    // And at least every visible row's contact was asked for: an inbox that asked nothing fails.
    const visibleDigits = [...new Set(visible.map((index) => conversations[index]!.whatsappId))];
    expect(visibleDigits.filter((digits) => !askedDigits(api).includes(digits)), "visible rows never asked for").toEqual([]);
    expect(api.length).toBeGreaterThanOrEqual(visibleDigits.length);
    const drawnDigits = new Set(drawn.map((index) => conversations[index]!.whatsappId));
    expect(askedDigits(api).filter((digits) => !drawnDigits.has(digits)), "numbers of rows not drawn").toEqual([]);
    expect(browserRequests.length - before, "browser requests for the bottom screen").toBeGreaterThanOrEqual(1);
    expect(browserRequests.length - before, "browser requests for the bottom screen").toBeLessThanOrEqual(2);
  });
});

test.describe("hovering a row", () => {
  test("opens the contact's card from the cache: no new browser request, nothing new at the API", async ({ page }) => {
    const { browserRequests } = await openInbox(page);
    const before = { browser: browserRequests.length, api: (await apiLog(page)).length };
    const row = drawnRows(page).nth(3);
    const name = (await row.locator(".fiq-chip__name").getAttribute("title")) ?? "";
    expect(name).not.toBe("");

    await row.getByRole("button", { name: new RegExp(name) }).hover();
    const card = page.getByRole("dialog", { name });
    await expect(card).toBeVisible();
    await expect(card.getByRole("article")).toHaveAttribute("data-state", "ready");
    await expect(card.getByRole("heading", { name })).toBeVisible();

    expect(browserRequests.length).toBe(before.browser);
    expect((await apiLog(page)).length).toBe(before.api);
  });
});

test.describe("the inbox with a keyboard", () => {
  async function focusList(page: Page): Promise<Locator> {
    await page.keyboard.press("Tab");
    await expect(grid(page)).toBeFocused();
    return grid(page);
  }
  const selected = (page: Page) => drawnRows(page).and(page.locator('[aria-selected="true"]'));

  test("arrow keys move the selection, the panel follows from the cache, Enter opens it and Escape comes back", async ({ page }) => {
    const { browserRequests } = await openInbox(page);
    const list = await focusList(page);
    const requests = browserRequests.length;

    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(selected(page)).toHaveAttribute("aria-rowindex", "4");
    await expect(list).toHaveAttribute("aria-activedescendant", (await selected(page).getAttribute("id")) ?? "the selected row");
    const name = (await selected(page).locator(".fiq-chip__name").getAttribute("title")) ?? "";
    await expect(panel(page).getByRole("heading", { name })).toBeVisible();
    await page.keyboard.press("ArrowUp");
    await expect(selected(page)).toHaveAttribute("aria-rowindex", "3");
    expect(browserRequests.length, "rows already on screen: nothing to fetch").toBe(requests);

    await page.keyboard.press("Enter");
    await expect(panel(page)).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(list).toBeFocused();
  });

  test("End selects the last conversation and scrolls it into view; Home goes back to the first", async ({ page }) => {
    await openInbox(page);
    await focusList(page);
    await page.keyboard.press("End");
    await expect(selected(page)).toHaveAttribute("aria-rowindex", String(CONVERSATION_COUNT + 1));
    await expect(selected(page)).toBeInViewport();
    await everyDrawnRowFilled(page);
    await page.keyboard.press("Home");
    await expect(selected(page)).toHaveAttribute("aria-rowindex", "2");
    await expect(selected(page)).toBeInViewport();
  });
});

test.describe("the inbox on a narrow screen", () => {
  test.use({ viewport: { width: 420, height: 800 } });

  test("shows the list alone; a tapped conversation covers it, with a way back", async ({ page }) => {
    await openInbox(page);
    await expect(panel(page)).toBeHidden();
    await drawnRows(page).nth(1).locator(".inbox__time").click();
    await expect(panel(page)).toBeVisible();
    await expect(panel(page)).toBeFocused();
    await panel(page).getByRole("button", { name: "Back to inbox" }).click();
    await expect(panel(page)).toBeHidden();
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`the inbox in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test("passes axe (WCAG 2.1 A and AA, contrast included), with a hover card open", async ({ page }) => {
      const { problems } = await openInbox(page);
      const row = drawnRows(page).nth(1);
      const name = (await row.locator(".fiq-chip__name").getAttribute("title")) ?? "";
      await row.getByRole("button", { name: new RegExp(name) }).hover();
      await expect(page.getByRole("dialog", { name }).getByRole("article")).toHaveAttribute("data-state", "ready");

      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
      });
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    });
  });
}
