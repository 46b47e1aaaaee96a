// examples/dashboard as an agent uses it, in Chromium: the keyboard reaches the hover card, the
// list is one tab stop, the columns say what they are, and the chips and cards read well.
import { expect, test, type Page } from "@playwright/test";
import { CONVERSATION_COUNT } from "../../examples/dashboard/src/conversations.js";
import { drawnRows, openInbox, scroller } from "../support/inbox.js";

const grid = (page: Page) => page.getByRole("grid", { name: "Inbox" });
const selected = (page: Page) => drawnRows(page).and(page.locator('[aria-selected="true"]'));

test("Space opens the selected row's hover card from the keyboard; Escape closes it and comes back to the list", async ({ page }) => {
  await openInbox(page);
  await page.keyboard.press("Tab");
  await expect(grid(page)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  const name = (await selected(page).locator(".fiq-chip__name").getAttribute("title")) ?? "";
  expect(name).not.toBe("");
  await page.keyboard.press(" ");
  const card = page.getByRole("dialog", { name });
  await expect(card).toBeVisible();
  await expect(card.getByRole("heading", { name })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(card).toBeHidden();
  await expect(grid(page)).toBeFocused();
  // And the arrows still move the list's selection.
  await page.keyboard.press("ArrowDown");
  await expect(selected(page)).toHaveAttribute("aria-rowindex", "4");
});

test("the list is one tab stop: Tab from it never lands on its scroller", async ({ page }) => {
  await openInbox(page);
  await page.keyboard.press("Tab");
  await expect(grid(page)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(scroller(page)).not.toBeFocused();
  expect(await scroller(page).evaluate((element) => element.contains(document.activeElement))).toBe(false);
  await expect(scroller(page)).toHaveAttribute("tabindex", "-1");
});

test("the unread column has a visible, spoken name", async ({ page }) => {
  await openInbox(page);
  const header = page.getByRole("columnheader", { name: "Unread", exact: true });
  await expect(header).toBeVisible();
  await expect(header).toHaveText("Unread");
  // The text fits its column.
  expect(await header.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
});

test("row avatars are a readable size", async ({ page }) => {
  await openInbox(page);
  const sizes = await scroller(page).locator(".fiq-chip .fiq-avatar").evaluateAll((avatars) => avatars.map((avatar) => avatar.getBoundingClientRect().width));
  expect(sizes.length).toBeGreaterThan(5);
  for (const size of sizes) expect(size).toBeGreaterThanOrEqual(22);
});

test("'+N more' sits on the line of the hover card's tags, not alone below them", async ({ page }) => {
  await openInbox(page);
  // Contacts with more than four tags exist on the first screen (0–9 tags, by contact).
  let checked = 0;
  for (const row of await drawnRows(page).all()) {
    const trigger = row.locator(".inbox__trigger");
    await trigger.hover();
    const card = page.getByRole("dialog");
    await expect(card.getByRole("article")).toHaveAttribute("data-state", "ready");
    const more = card.getByRole("button", { name: /more/ });
    if ((await more.count()) === 1) {
      const tags = await card.locator(".fiq-tag").evaluateAll((items) => items.map((item) => item.getBoundingClientRect()));
      const box = (await more.boundingBox()) as { y: number; height: number };
      const last = tags.at(-1) as DOMRect;
      expect(box.y, "the button shares the last tag's line").toBeLessThan(last.bottom);
      expect(box.y + box.height).toBeGreaterThan(last.top);
      checked++;
    }
    await page.mouse.move(0, 0);
    await expect(card).toBeHidden();
    if (checked >= 2) break;
  }
  expect(checked).toBeGreaterThan(0);
});

test.describe("in a narrow column", () => {
  test.use({ viewport: { width: 420, height: 800 } });

  test("an unknown number keeps its hint readable; the number gives way first", async ({ page }) => {
    await openInbox(page);
    await scroller(page).evaluate((element) => element.scrollTo({ top: 30 * 52 }));
    const chip = scroller(page).locator('[role="row"][aria-rowindex="38"] [data-part="chip"]');
    await expect(chip).toHaveAttribute("data-state", "not-found");
    const hint = chip.locator(".fiq-chip__hint");
    await expect(hint).toHaveText("Unknown contact");
    expect(await hint.evaluate((element) => element.scrollWidth <= element.clientWidth + 1), "hint shown whole").toBe(true);
    expect(CONVERSATION_COUNT).toBeGreaterThan(38);
  });
});

test("a contact with no name (or an unknown number) shows no digits as avatar initials", async ({ page }) => {
  await openInbox(page);
  // The first screens hold nameless contacts and unknown numbers (one conversation in 37).
  await scroller(page).evaluate((element) => element.scrollTo({ top: 30 * 52 }));
  await expect(scroller(page).locator('[role="row"][aria-rowindex="38"] [data-part="chip"]')).toHaveAttribute("data-state", "not-found");
  const avatars = await scroller(page).locator(".fiq-avatar").evaluateAll((items) => items.map((item) => ({ text: item.textContent ?? "", glyph: item.getAttribute("data-glyph") })));
  expect(avatars.length).toBeGreaterThan(5);
  expect(avatars.filter((avatar) => /\d/.test(avatar.text)), "avatars showing digits").toEqual([]);
  expect(avatars.filter((avatar) => avatar.glyph === "person").length).toBeGreaterThan(0);
});
