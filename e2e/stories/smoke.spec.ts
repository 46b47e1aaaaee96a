import { expect, test } from "@playwright/test";
import { openStory } from "../support/stories.js";

test("a ready card story renders its contact in the static Storybook", async ({ page }) => {
  await openStory(page, "contactcard--full-contact");
  await expect(page.locator('#storybook-root .fiq-card[data-state="ready"]')).toBeVisible();
});
