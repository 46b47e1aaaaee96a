// Every story page under the strict Content-Security-Policy the preview server sends
// (e2e/storybook.vite.config.ts): each story must reach its state (its play function
// passes and no card is left loading unless the story is a loading one), and only then
// are the violations read; one from src/ or inside a card fails.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test, type ConsoleMessage, type Page } from "@playwright/test";
import { STORYBOOK_OUT } from "../storybook.vite.config.js";
import { attribute, createSourceResolver, type Violation } from "../support/csp.js";
import { openStory, storyFinished, switchStory } from "../support/stories.js";

const root = resolve(import.meta.dirname, "../..");
const out = resolve(root, STORYBOOK_OUT);
// Playwright starts the webServer (which builds the Storybook) before it loads this file.
const index = existsSync(`${out}/index.json`)
  ? (JSON.parse(readFileSync(`${out}/index.json`, "utf8")) as { entries: Record<string, { id: string; type: string }> })
  : { entries: {} };
const stories = Object.values(index.entries).filter((entry) => entry.type === "story").map((entry) => entry.id);
const resolveSource = createSourceResolver(out, root);

/** Loading stories end in the loading state on purpose; every other story's cards must have settled. */
const endsLoading = (id: string) => /loading|skeleton/.test(id);

declare global {
  interface Window {
    __cspViolations: Violation[];
  }
}

/** Records every violation on the page from before any of its scripts, with the element it concerns. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        const element = event.target instanceof Element ? event.target : null;
        window.__cspViolations.push({
          directive: event.effectiveDirective,
          blockedURI: event.blockedURI,
          sourceFile: event.sourceFile,
          line: event.lineNumber,
          column: event.columnNumber,
          target: element ? { tag: element.tagName.toLowerCase(), id: element.id, inCard: Boolean(element.closest(".fiq-card")) } : { tag: "?" },
        });
      },
      true,
    );
  });
}

// One page per worker for all its stories, as a visitor clicking through would have: the preview
// loads, and MSW's service worker starts, once per worker instead of once per story. The stories
// are shared among the workers.
let shared: Page;
test.describe.configure({ mode: "parallel" });
test.beforeAll(async ({ browser, baseURL }) => {
  shared = await browser.newPage({ baseURL });
  await watchViolations(shared);
});
test.afterAll(async () => {
  await shared.close();
});

/** The violations so far, each with the source file it maps to and whose it is. */
async function violations(page: Page) {
  return (await page.evaluate(() => window.__cspViolations)).map((violation) => {
    const source = resolveSource(violation.sourceFile, violation.line, violation.column);
    return { owner: attribute(violation, source), where: `${violation.directive} blocked ${violation.blockedURI || "?"} from ${source ?? violation.sourceFile ?? "?"} on <${violation.target.tag}>` };
  });
}

test("the static Storybook lists its stories", () => {
  expect(stories.length).toBeGreaterThan(20);
});

for (const id of stories) {
  test(`${id} reaches its state under the strict CSP, with no violation of the library's`, async () => {
    const cspErrors: string[] = [];
    const onConsole = (message: ConsoleMessage) => {
      if (/Content Security Policy|Refused to/.test(message.text())) cspErrors.push(message.text());
    };
    shared.on("console", onConsole);
    // Axe is the story tests' job (npm run test:browser); here it would only slow each page down.
    // The worker's first story loads the preview; the rest are switched to in it, as the sidebar does.
    if (shared.url().includes("iframe.html")) {
      // This story's violations only: a list carried over from the worker's earlier stories would
      // let the count below pass whatever this story does.
      await shared.evaluate(() => {
        window.__cspViolations = [];
      });
      await switchStory(shared, id);
    } else await openStory(shared, id, { ready: storyFinished, globals: { "a11y.manual": "!true" } });

    // What a story renders of the library: cards, chips (some left loading on purpose) and hover cards.
    const cards = shared.locator("#storybook-root :is(.fiq-card, .fiq-chip, .fiq-hovercard)[data-state]");
    await expect(cards.first()).toBeAttached();
    const states = await cards.evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.state));
    const cardStates = await shared.locator("#storybook-root .fiq-card[data-state]").evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.state));
    if (!endsLoading(id)) expect(cardStates, "no card left loading").not.toContain("loading");
    expect(states.length).toBeGreaterThan(0);
    await expect(shared.locator("body.sb-show-errordisplay")).toHaveCount(0);
    // React sets style props through the CSSOM, which CSP allows; a server render puts them in attributes, which it blocks.
    await expect(shared.locator("#storybook-root :is(.fiq-card, .fiq-chip)[style], #storybook-root :is(.fiq-card, .fiq-chip) [style]")).toHaveCount(0);

    const seen = await violations(shared);
    expect(seen.filter((violation) => violation.owner === "library" || violation.owner === "unknown").map((violation) => violation.where)).toEqual([]);
    // Every CSP console error has its event; one without would be unexplained.
    shared.off("console", onConsole);
    expect(cspErrors.length).toBeLessThanOrEqual(seen.length);
  });
}

// On a page of its own: the violations it makes on purpose must not reach the other stories' checks.
test("a card that gains an inline style and a <style> element is caught and put down to the library", async ({ page }) => {
  await watchViolations(page);
  await openStory(page, "contactcard--full-contact", { ready: storyFinished, globals: { "a11y.manual": "!true" } });
  await page.locator("#storybook-root .fiq-card").first().evaluate((card) => {
    card.insertAdjacentHTML("beforeend", '<span style="color: red">canary</span><style>.fiq-card { color: red }</style>');
  });
  await expect.poll(async () => (await violations(page)).filter((violation) => violation.owner === "library").length).toBeGreaterThanOrEqual(2);
});
