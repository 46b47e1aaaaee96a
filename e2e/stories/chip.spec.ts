import { expect, test, type Page } from "@playwright/test";
import { openStory } from "../support/stories.js";

/** Waits until every chip in the table has left its loading state (one never answers, by design). */
async function tableReady(page: Page) {
  await expect(page.getByText("Maria Fernanda", { exact: false })).toBeVisible();
  await expect(page.locator('[data-part="chip"][data-state="error"]')).toHaveCount(1);
  await expect(page.locator('[data-part="chip"][data-state="not-found"]')).toHaveCount(1);
}

for (const theme of ["light", "dark"] as const) {
  test(`the chip truncates inside a 120 px table cell without overflowing it (${theme})`, async ({ page }) => {
    await openStory(page, "contactchip--table", { theme, ready: tableReady });
    const cells = page.locator("#storybook-root tbody td:first-child");
    await expect(cells).toHaveCount(10);
    const measured = await cells.evaluateAll((tds) =>
      tds.map((td) => {
        const chip = td.querySelector<HTMLElement>('[data-part="chip"]');
        if (!chip) return { state: "no chip", cellWidth: 0, fits: false, oneLine: false };
        const box = td.getBoundingClientRect();
        const chipBox = chip.getBoundingClientRect();
        return {
          state: chip.dataset.state ?? "",
          cellWidth: Math.round(box.width),
          fits: td.scrollWidth <= td.clientWidth && chipBox.right <= box.right && chipBox.left >= box.left,
          oneLine: chipBox.height < 32,
        };
      }),
    );
    for (const row of measured) expect(row).toEqual({ state: row.state, cellWidth: 120, fits: true, oneLine: true });

    // The long name is cut with an ellipsis and keeps its full text in title.
    const name = page.locator(".fiq-chip__name", { hasText: "Maria Fernanda" });
    await expect(name).toHaveAttribute("title", /Montenegro$/);
    const cut = await name.evaluate((element) => ({
      truncated: element.scrollWidth > element.clientWidth,
      ellipsis: getComputedStyle(element).textOverflow,
    }));
    expect(cut).toEqual({ truncated: true, ellipsis: "ellipsis" });
  });
}
