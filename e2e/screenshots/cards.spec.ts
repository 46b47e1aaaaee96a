// `npm run screenshots`: the card's main states from the static Storybook, written to
// docs/screenshots/*.png for the README (not part of npm test).
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { openStory } from "../support/stories.js";

const out = resolve(import.meta.dirname, "../../docs/screenshots");

/** Each picture: the story, the theme, and the card state to wait for. */
const SHOTS = [
  { file: "card-light.png", id: "contactcard--contact-summary", theme: "light", state: "ready" },
  { file: "card-dark.png", id: "contactcard--contact-summary", theme: "dark", state: "ready" },
  { file: "loading.png", id: "contactcard--loading", theme: "light", state: "loading" },
  { file: "not-found.png", id: "contactcard--not-found", theme: "light", state: "not-found" },
  { file: "error.png", id: "contactcard--network-error", theme: "light", state: "error" },
] as const;

test.use({ viewport: { width: 520, height: 900 }, deviceScaleFactor: 2, reducedMotion: "reduce" });

for (const shot of SHOTS) {
  test(`docs/screenshots/${shot.file}: ${shot.id} (${shot.theme})`, async ({ page }) => {
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(String(error)));
    // The browser reports the mocked 404 / network-error answers themselves (the point of the story), and
    // the strict CSP blocks some of Storybook's own inline styles (the CSP spec tells those from the library's).
    page.on("console", (message) => {
      if (message.type() === "error" && !/^Failed to load resource|Content Security Policy/.test(message.text())) problems.push(message.text());
    });
    await openStory(page, shot.id, {
      theme: shot.theme,
      ready: (p) => expect(p.locator(`#storybook-root [data-state="${shot.state}"]`).first()).toBeVisible(),
    });
    await page.evaluate(() => document.fonts.ready);
    const box = await page.locator(".sb-frame__card").first().boundingBox();
    expect(box, "something to photograph").not.toBeNull();
    const margin = 20;
    await page.screenshot({
      path: join(out, shot.file),
      clip: { x: Math.max(0, box!.x - margin), y: Math.max(0, box!.y - margin), width: box!.width + 2 * margin, height: box!.height + 2 * margin },
    });
    expect(problems).toEqual([]);
  });
}
