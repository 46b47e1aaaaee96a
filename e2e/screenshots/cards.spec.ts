// `npm run screenshots`: the card, the grid, the chip table and the hover card from the static Storybook,
// written to docs/screenshots/*.png for the README (not part of npm test). Each picture is cropped to
// the story's own content (and an open popover), with a margin of the page around it.
import { join, resolve } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { openStory, storyFinished } from "../support/stories.js";

const out = resolve(import.meta.dirname, "../../docs/screenshots");

type Shot = {
  file: string;
  id: string;
  theme: "light" | "dark";
  /** Wide enough for the story's layout (the compact grid needs four columns). */
  width?: number;
};

/** Each picture: the story and the theme; every story's play function asserts the state it shows. */
const SHOTS: Shot[] = [
  { file: "card-light.png", id: "contactcard--contact-summary", theme: "light" },
  { file: "card-dark.png", id: "contactcard--contact-summary", theme: "dark" },
  { file: "loading.png", id: "contactcard--loading", theme: "light" },
  { file: "not-found.png", id: "contactcard--not-found", theme: "light" },
  { file: "error.png", id: "contactcard--network-error", theme: "light" },
  { file: "compact-grid.png", id: "examples-dashboard--compact-grid", theme: "light", width: 1280 },
  { file: "chip-table-light.png", id: "contactchip--table", theme: "light" },
  { file: "chip-table-dark.png", id: "contactchip--table-dark", theme: "dark" },
  { file: "hover-card.png", id: "contacthovercard--open", theme: "light" },
];

type Box = { x: number; y: number; width: number; height: number };

/** The smallest box holding every box given. */
function union(boxes: Box[]): Box {
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The story's content (what the frame decorator holds) and any open popover, once placed. */
async function contentBoxes(page: Page): Promise<{ boxes: Box[]; popover: boolean }> {
  const content = page.locator("#storybook-root .sb-frame > div > *");
  const popover = page.locator("#storybook-root [popover]");
  if ((await popover.count()) > 0) {
    await expect(popover).toBeVisible();
    // Floating UI places it after the first frame; wait until it holds still.
    let last = "";
    await expect
      .poll(async () => {
        const now = JSON.stringify(await popover.boundingBox());
        const still = now === last;
        last = now;
        return still;
      })
      .toBe(true);
  }
  const boxes = [...(await content.all()), ...(await popover.all())].map((locator) => locator.boundingBox());
  const shown = (await Promise.all(boxes)).filter((box): box is Box => box !== null && box.width > 0 && box.height > 0);
  return { boxes: shown, popover: (await popover.count()) > 0 };
}

test.use({ deviceScaleFactor: 2, reducedMotion: "reduce" });

for (const shot of SHOTS) {
  test(`docs/screenshots/${shot.file}: ${shot.id} (${shot.theme})`, async ({ page }) => {
    await page.setViewportSize({ width: shot.width ?? 720, height: 1000 });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(String(error)));
    // The browser reports the mocked 404 / network-error answers themselves (the point of the story), and
    // the strict CSP blocks some of Storybook's own inline styles (the CSP spec tells those from the library's).
    page.on("console", (message) => {
      if (message.type() === "error" && !/^Failed to load resource|Content Security Policy/.test(message.text())) problems.push(message.text());
    });
    await openStory(page, shot.id, { theme: shot.theme, ready: storyFinished });
    await page.evaluate(() => document.fonts.ready);
    const { boxes, popover } = await contentBoxes(page);
    expect(boxes.length, "something to photograph").toBeGreaterThan(0);
    const box = union(boxes);
    // A popover's shadow reaches 32px below it (0 8px 24px): room for all of it.
    const margin = popover ? 36 : 20;
    await page.screenshot({
      path: join(out, shot.file),
      clip: { x: Math.max(0, box.x - margin), y: Math.max(0, box.y - margin), width: box.width + 2 * margin, height: box.height + 2 * margin },
    });
    expect(problems).toEqual([]);
  });
}
