// Cards off screen cost nothing (styles.css, content-visibility): checked in Chromium with the real
// stylesheet, since only a browser that lays pages out can say what it skipped.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { renderToString } from "react-dom/server";
import { ContactCardSkeleton } from "../../src/components/ContactCard/ContactCardSkeleton.js";
import { ContactCardView } from "../../src/components/ContactCard/ContactCardView.js";
import { generateContacts } from "../../standin/contacts.js";

const css = readFileSync(resolve(import.meta.dirname, "../../src/styles.css"), "utf8");
const COUNT = 40;

test.use({ viewport: { width: 900, height: 900 } });

/** `COUNT` cards in a column (or in a .fiq-card-grid), far taller than the viewport. */
async function column(page: Page, card: (index: number) => string, container = '<div id="column" style="inline-size: 420px; display: grid; gap: 16px; align-items: start">') {
  const html = Array.from({ length: COUNT }, (_, index) => card(index)).join("");
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css} body { margin: 0; font: 16px sans-serif }</style></head><body>${container}${html}</div></body></html>`);
}
const skeletons = (page: Page) => column(page, () => renderToString(<ContactCardSkeleton />));
const contacts = generateContacts(COUNT);
const readyCards = (page: Page, container?: string) => column(page, (index) => renderToString(<ContactCardView contact={contacts[index]!} />), container);

/** Whether Chromium draws the card's contents, or skips them as off screen (decided at the next frame). */
const drawn = (page: Page, index: number) =>
  page
    .locator(".fiq-card")
    .nth(index)
    .evaluate(async (card) => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return (card.lastElementChild as Element).checkVisibility({ contentVisibilityAuto: true });
    });
const height = async (page: Page, index: number) => {
  await drawn(page, index);
  return page.locator(".fiq-card").nth(index).evaluate((card) => card.getBoundingClientRect().height);
};

test.describe("a long column of loading cards", () => {
  test("draws the skeletons on screen and skips those far below the fold", async ({ page }) => {
    await skeletons(page);
    expect(await drawn(page, 0)).toBe(true);
    expect(await drawn(page, COUNT - 1)).toBe(false);
  });

  test("keeps a skipped skeleton as tall as a drawn one, so nothing jumps as it scrolls in", async ({ page }) => {
    await skeletons(page);
    expect(await drawn(page, COUNT - 1)).toBe(false);
    const [shown, skipped] = [await height(page, 0), await height(page, COUNT - 1)];
    expect(Math.abs(skipped - shown) / shown, `skipped ${skipped}px, drawn ${shown}px`).toBeLessThan(0.1);
  });

  test("still pulses the skeletons on screen for users who allow motion, and not for those who prefer less", async ({ page }) => {
    const pulsing = () => page.locator(".fiq-card").first().evaluate((card) => card.getAnimations({ subtree: true }).filter((animation) => animation.playState === "running").length);
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await skeletons(page);
    expect(await pulsing()).toBeGreaterThan(0);
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await pulsing()).toBe(0);
  });
});

test.describe("a long column of loaded cards", () => {
  test("skips the cards far below the fold and draws one once it scrolls into view", async ({ page }) => {
    await readyCards(page);
    expect(await drawn(page, COUNT - 1)).toBe(false);
    await page.locator(".fiq-card").nth(COUNT - 1).scrollIntoViewIfNeeded();
    await expect.poll(() => drawn(page, COUNT - 1)).toBe(true);
    await expect(page.locator(".fiq-card").nth(COUNT - 1).getByRole("heading")).toBeVisible();
  });
});

test.describe("cards in a .fiq-card-grid", () => {
  test("are laid out off screen too while unmarked, since each row's cards share their sizes", async ({ page }) => {
    await readyCards(page, '<div class="fiq-card-grid" style="inline-size: 860px">');
    expect(await drawn(page, COUNT - 1)).toBe(true);
  });

  test("are skipped when ContactCard marks them data-offscreen (far from the viewport), at about their height", async ({ page }) => {
    await readyCards(page, '<div class="fiq-card-grid" style="inline-size: 860px">');
    const shown = await height(page, COUNT - 1);
    await page.locator(".fiq-card").nth(COUNT - 1).evaluate((card) => card.setAttribute("data-offscreen", ""));
    expect(await drawn(page, COUNT - 1)).toBe(false);
    // A card drawn once keeps the size it had (contain-intrinsic-size: auto), so its row does not jump.
    expect(Math.abs((await height(page, COUNT - 1)) - shown)).toBeLessThan(2);
  });
});
