// `npm run screenshots`: examples/dashboard (the 10,000-conversation inbox) in light and dark, with a
// row's hover card open, written to docs/screenshots/dashboard-*.png for the README (not part of npm test).
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { drawnRows, openInbox } from "../support/inbox.js";
import { PORTS } from "../../playwright.config.js";

const out = resolve(import.meta.dirname, "../../docs/screenshots");
const DASHBOARD = `http://127.0.0.1:${PORTS.dashboard}`;

test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: "reduce" });

for (const colorScheme of ["light", "dark"] as const) {
  test(`docs/screenshots/dashboard-${colorScheme}.png`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const { problems } = await openInbox(page, DASHBOARD);
    const row = drawnRows(page).nth(2);
    const name = (await row.locator(".fiq-chip__name").getAttribute("title")) ?? "";
    await row.getByRole("button", { name: new RegExp(name) }).hover();
    await expect(page.getByRole("dialog", { name }).getByRole("article")).toHaveAttribute("data-state", "ready");
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(out, `dashboard-${colorScheme}.png`) });
    expect(problems).toEqual([]);
  });
}
