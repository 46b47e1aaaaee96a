import { expect, test } from "@playwright/test";
import { openStory } from "../support/stories.js";

// The real clipboard of a real Chromium, with the permissions a user would grant.
test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("the phone's Copy button puts +digits on the clipboard and says Copied", async ({ page }) => {
  await openStory(page, "contactcardview--default");
  const copy = page.getByRole("button", { name: "Copy +27123456789" });
  await copy.click();
  await expect(copy.locator("xpath=following-sibling::*[@aria-live='polite'][1]")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("+27123456789");
});

test("the email's Copy button puts the address on the clipboard, from the keyboard", async ({ page }) => {
  await openStory(page, "contactcardview--default");
  const copy = page.getByRole("button", { name: "Copy thandi.nkosi@example.co.za" });
  await copy.focus();
  await page.keyboard.press("Enter");
  await expect(copy).toHaveAttribute("data-state", "copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("thandi.nkosi@example.co.za");
});
