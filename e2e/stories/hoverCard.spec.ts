import { expect, test, type Locator, type Page } from "@playwright/test";
import { openStory } from "../support/stories.js";

/**
 * ContactHoverCard in real Chromium: pointer, keyboard and touch, the native popover's top
 * layer and Floating UI's placement, none of which jsdom has. Time is Playwright's fake clock,
 * paused, so "not before the delay" is exact rather than a race against a busy machine.
 */

/** The story's own content: Storybook's page around it has popovers and dialogs of its own. */
const story = (page: Page) => page.locator("#storybook-root");
const trigger = (page: Page, name = "Thandi Nkosi") => story(page).getByRole("button", { name: new RegExp(`^${name}`) });
const card = (page: Page, name = "Thandi Nkosi") => story(page).getByRole("dialog", { name });

/** Opens a closed story with a paused fake clock; resolves once its trigger shows a loaded chip. */
async function openPaused(page: Page, storyId: string, name = "Thandi Nkosi"): Promise<Locator> {
  await page.clock.install();
  await openStory(page, storyId, {
    ready: async () => {
      await expect(trigger(page, name).locator('[data-part="chip"]')).toHaveAttribute("data-state", "ready");
    },
  });
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
  return trigger(page, name);
}

/** A point on the page well away from the trigger and the card. */
async function farAway(page: Page) {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.mouse.move(size.width - 5, size.height - 5);
}

/** Where an element is on the page; it must be shown. */
async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator} is not shown`);
  return found;
}

test.describe("ContactHoverCard with a mouse", () => {
  test("opens after the 500 ms open delay and not before", async ({ page }) => {
    const button = await openPaused(page, "contacthovercard--inbox-row");
    await button.hover();
    await page.clock.runFor(499);
    await expect(card(page)).toHaveCount(0);
    await expect(button).toHaveAttribute("aria-expanded", "false");

    await page.clock.runFor(1);
    await expect(card(page)).toBeVisible();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(card(page)).toHaveAttribute("popover", "manual");
    expect(await card(page).evaluate((element) => element.matches(":popover-open"))).toBe(true);
    await expect(button).toHaveAttribute("aria-controls", (await card(page).getAttribute("id")) ?? "a popover id");
  });

  test("stays open while the pointer crosses the gap into the card, and closes 300 ms after it leaves both", async ({ page }) => {
    const button = await openPaused(page, "contacthovercard--inbox-row");
    await button.hover();
    await page.clock.runFor(500);
    await expect(card(page)).toBeVisible();

    // Down through the 8 px gap between trigger and card, lingering there, then into the card.
    const from = await box(button);
    const to = await box(card(page));
    expect(to.y).toBeGreaterThan(from.y + from.height);
    await page.mouse.move(from.x + 10, from.y + from.height + (to.y - from.y - from.height) / 2);
    await page.clock.runFor(200);
    await page.mouse.move(to.x + 40, to.y + 40, { steps: 4 });
    await page.clock.runFor(2000);
    await expect(card(page)).toBeVisible();

    await farAway(page);
    await page.clock.runFor(299);
    await expect(card(page)).toBeVisible();
    await page.clock.runFor(1);
    await expect(card(page)).toHaveCount(0);
    await expect(button).toHaveAttribute("aria-expanded", "false");
  });

  test("closes when the pointer leaves the trigger for the page", async ({ page }) => {
    const button = await openPaused(page, "contacthovercard--inbox-row");
    await button.hover();
    await page.clock.runFor(500);
    await expect(card(page)).toBeVisible();
    await farAway(page);
    await page.clock.runFor(300);
    await expect(card(page)).toHaveCount(0);
  });

  test("a pointer that leaves before the delay opens nothing", async ({ page }) => {
    const button = await openPaused(page, "contacthovercard--inbox-row");
    await button.hover();
    await page.clock.runFor(300);
    await farAway(page);
    await page.clock.runFor(5000);
    await expect(card(page)).toHaveCount(0);
    await expect(story(page).locator("[popover]")).toHaveCount(0);
  });

  test("a click outside closes it", async ({ page }) => {
    const button = await openPaused(page, "contacthovercard--inbox-row");
    await button.click();
    await expect(card(page)).toBeVisible();
    await story(page).getByText("Assigned to").click();
    await expect(card(page)).toHaveCount(0);
  });
});

test.describe("ContactHoverCard with a keyboard", () => {
  test("focus opens it, Tab reaches the card's links, Escape closes it and focus is back on the trigger", async ({ page }) => {
    const button = await openPaused(page, "contacthovercard--inbox-row");
    await page.keyboard.press("Tab");
    await expect(button).toBeFocused();
    await page.clock.runFor(500);
    await expect(card(page)).toBeVisible();

    // Every link and button of the card, in order, right after the trigger: the phone link and its
    // copy button, Open chat, the email link and its copy button, and "+N more" tags.
    const controls = card(page).locator("a[href], button");
    await expect(controls).toHaveCount(6);
    for (let index = 0; index < 6; index++) {
      await page.keyboard.press("Tab");
      await expect(controls.nth(index)).toBeFocused();
    }
    await page.keyboard.press("Escape");
    await expect(card(page)).toHaveCount(0);
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute("aria-expanded", "false");
    // Focus coming back must not reopen it.
    await page.clock.runFor(2000);
    await expect(card(page)).toHaveCount(0);
  });

  test("closes when focus leaves both trigger and card", async ({ page }) => {
    const button = await openPaused(page, "contacthovercard--inbox-row");
    await button.focus();
    await page.clock.runFor(500);
    await expect(card(page)).toBeVisible();
    // Through the card's links and buttons, and on to the next control in the row.
    const controls = await card(page).locator("a[href], button").count();
    expect(controls).toBeGreaterThanOrEqual(3);
    for (let step = 0; step <= controls; step++) await page.keyboard.press("Tab");
    await expect(story(page).getByRole("button", { name: "Reply" })).toBeFocused();
    await expect(card(page)).toHaveCount(0);
  });
});

test.describe("ContactHoverCard on a touch screen", () => {
  test.use({ hasTouch: true });

  test("a tap opens it at once, and a tap outside closes it", async ({ page }) => {
    const button = await openPaused(page, "contacthovercard--inbox-row");
    // The clock is paused: no delay can run out, so only the tap can open it.
    await button.tap();
    await expect(card(page)).toBeVisible();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    // Touch pointers leave after lifting; that must not close it.
    await page.clock.runFor(2000);
    await expect(card(page)).toBeVisible();
    await story(page).getByText("Assigned to").tap();
    await expect(card(page)).toHaveCount(0);
  });
});

test.describe("ContactHoverCard in an overflow: hidden scroll container", () => {
  test("is not clipped (top layer) and stays beside its trigger while the container scrolls", async ({ page }) => {
    // The story's play function opens Sipho's card with a click.
    await openStory(page, "contacthovercard--in-scroll-container", {
      ready: async () => {
        await expect(card(page, "Sipho Dlamini").getByRole("article")).toBeVisible();
      },
    });
    const dialog = card(page, "Sipho Dlamini");
    const button = trigger(page, "Sipho Dlamini");
    const scroller = page.getByTestId("scroller");

    expect(await dialog.evaluate((element) => element.matches(":popover-open"))).toBe(true);
    const seen = await dialog.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return {
        inViewport: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
        hitInside: element.contains(hit),
        pastContainer: box.bottom > (document.querySelector('[data-testid="scroller"]')?.getBoundingClientRect().bottom ?? Infinity),
      };
    });
    expect(seen).toEqual({ inViewport: true, hitInside: true, pastContainer: true });

    const gap = async () => {
      const [t, c] = [await box(button), await box(dialog)];
      return { gap: Math.round(c.y - (t.y + t.height)), start: Math.round(c.x - t.x) };
    };
    const before = await gap();
    expect(before.gap).toBe(8);
    const top = (await box(button)).y;
    await scroller.evaluate((element) => {
      element.scrollTop = 40;
    });
    await expect.poll(async () => (await box(button)).y).toBeLessThan(top - 30);
    await expect.poll(gap).toEqual(before);
  });
});

test.describe("ContactHoverCard at scale", () => {
  test("1,000 triggers mount with no popover in the DOM; opening one mounts exactly one", async ({ page }) => {
    await openStory(page, "contacthovercard--thousand-triggers");
    const triggers = story(page).locator('[aria-haspopup="dialog"]');
    await expect(triggers).toHaveCount(1000);
    await expect(story(page).locator("[popover]")).toHaveCount(0);
    await expect(story(page).getByRole("dialog")).toHaveCount(0);
    // No trigger asked for its contact: the cache holds only the control chip's query, read once
    // that chip has its contact (so a fetch a trigger deferred would have started by now).
    await expect(story(page).getByText("Sipho Dlamini")).toBeVisible();
    const queries = story(page).getByRole("status", { name: "Contact queries in the cache" });
    await expect(queries).toHaveText("1");

    await triggers.nth(2).click();
    await expect(story(page).getByRole("dialog", { name: "+27825000002" }).getByRole("status")).toBeVisible();
    await expect(story(page).locator("[popover]")).toHaveCount(1);
    await expect(queries).toHaveText("2");
  });
});
