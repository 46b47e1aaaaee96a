// examples/dashboard driven from Playwright: shared by its check (e2e/dashboard) and the bench
// (bench/bench.spec.ts), which count the same things. `origin` is the dashboard's, or "" when it
// is the project's baseURL.
import { expect, type Page } from "@playwright/test";
import type { StandInRequest } from "../../standin/index.js";

export type InboxVisit = {
  page: Page;
  /** Requests the page made to the contact route (/api/flowiq/…), in order. */
  browserRequests: URL[];
  /** Page errors, console errors and warnings. */
  problems: string[];
};

/** What reached the stand-in API since it was last reset. */
export const apiLog = async (page: Page, origin = ""): Promise<StandInRequest[]> => (await page.request.get(`${origin}/__standin/requests`)).json();
export const resetApiLog = async (page: Page, origin = "") => {
  await page.request.delete(`${origin}/__standin/requests`);
};

export const scroller = (page: Page) => page.getByTestId("inbox-scroller");
export const drawnRows = (page: Page) => scroller(page).getByRole("row");

/** The row index (0-based) of each drawn row, from its aria-rowindex (the header row is 1). */
export const drawnIndexes = async (page: Page) =>
  (await drawnRows(page).evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("aria-rowindex")))))
    .map((index) => index - 2)
    .sort((a, b) => a - b);

/** Rows of which any part shows in the list's viewport. */
export const visibleIndexes = (page: Page) =>
  scroller(page).evaluate((element) => {
    const view = element.getBoundingClientRect();
    return [...element.querySelectorAll('[role="row"]')]
      .filter((row) => {
        const box = row.getBoundingClientRect();
        return box.bottom > view.top && box.top < view.bottom;
      })
      .map((row) => Number(row.getAttribute("aria-rowindex")) - 2);
  });

/** Every drawn row's chip has come back (found or unknown) and the panel's card too: nothing is loading. */
export async function everyDrawnRowFilled(page: Page) {
  await expect(drawnRows(page).first()).toBeVisible();
  await expect(scroller(page).locator('[data-part="chip"]:not([data-state="ready"], [data-state="not-found"])')).toHaveCount(0);
  // (By CSS, not role: on a narrow screen the panel is there but hidden until a conversation is opened.)
  await expect(page.locator('aside :is([data-state="ready"], [data-state="not-found"])')).toHaveCount(1);
}

/** Opens the inbox (`path` may hold `?batch=off`) with a fresh API log, counting what the page asks /api/flowiq for. */
export async function openInbox(page: Page, origin = "", given = "/"): Promise<InboxVisit> {
  // Counts of first screens and jumps: without live mode's pushed changes and refresh tick, unless asked for.
  const path = given.includes("live=") ? given : `${given}${given.includes("?") ? "&" : "?"}live=off`;
  await resetApiLog(page, origin);
  const browserRequests: URL[] = [];
  const problems: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/flowiq/")) browserRequests.push(url);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`${message.type()}: ${message.text()}`);
  });
  await page.goto(`${origin}${path}`);
  await everyDrawnRowFilled(page);
  return { page, browserRequests, problems };
}

/** Scrolls the list to its end in one jump and waits until the rows there have their contacts. */
export async function jumpToBottom(page: Page, rowCount: number) {
  await scroller(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(scroller(page).locator(`[role="row"][aria-rowindex="${rowCount + 1}"]`)).toBeInViewport();
  await everyDrawnRowFilled(page);
}
