// jsdom lays nothing out, so these render the card's real markup (server-rendered here) with
// the real stylesheet in Chromium and measure it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { QueryClient } from "@tanstack/react-query";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import { ContactCardSkeleton } from "../../src/components/ContactCard/ContactCardSkeleton.js";
import { ContactCardView } from "../../src/components/ContactCard/ContactCardView.js";
import { contactQueryKey } from "../../src/core/contactQuery.js";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";

const css = readFileSync(resolve(import.meta.dirname, "../../src/styles.css"), "utf8");

test.use({ viewport: { width: 900, height: 1200 } });
let page: Page;
test.beforeEach(({ page: fresh }) => {
  page = fresh;
});
const describe = test.describe;
const it = test;

/** A ContactCard whose lookup failed with a network error, as a server would render it from that cache. */
function errorCard() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retryOnMount: false } } });
  const query = queryClient.getQueryCache().build(queryClient, { queryKey: contactQueryKey("acme", "+27123456789") });
  query.setState({ ...query.state, status: "error", error: new FlowIQError("network", "offline"), errorUpdatedAt: Date.now() });
  return (
    <FlowIQProvider tenantId="acme" queryClient={queryClient}>
      <ContactCard phoneNumber="+27123456789" />
    </FlowIQProvider>
  );
}

/** Shows the markup in a column of the given width; the cards are then `#column > .fiq-card`. */
async function layOut(html: string, width = 420) {
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>${css} body { margin: 0; font: 16px sans-serif }</style></head>` +
      `<body><div id="column" style="inline-size: ${width}px; display: grid; gap: 16px; align-items: start">${html}</div></body></html>`,
  );
}

const markup = (...elements: ReactElement[]) => elements.map((element) => renderToString(element)).join("");
const box = (selector: string) =>
  page.$eval(selector, (element) => {
    const { top, bottom, left, right, height } = element.getBoundingClientRect();
    return { top, bottom, left, right, height };
  });

describe("ContactCardSkeleton laid out beside the card it stands for", () => {
  it("is within 15% of a typical loaded card's height, so the page barely jumps", async () => {
    await layOut(markup(<ContactCardSkeleton />, <ContactCardView contact={buildContact()} />));
    const skeleton = await box('[data-state="loading"]');
    const card = await box('[data-state="ready"]');
    expect(Math.abs(skeleton.height - card.height) / card.height).toBeLessThan(0.15);
  });
});

describe("ContactCard given an error, laid out", () => {
  it("draws one border all round, tinted, so no thick edge meets the corner radius", async () => {
    await layOut(markup(errorCard(), <ContactCardView contact={buildContact()} />));
    await expect(page.getByRole("alert")).toBeVisible();
    const [error, ready] = await page.$$eval(".fiq-card", (cards) =>
      cards.map((card) => {
        const style = getComputedStyle(card);
        return {
          widths: [style.borderTopWidth, style.borderRightWidth, style.borderBottomWidth, style.borderLeftWidth],
          background: style.backgroundColor,
        };
      }),
    );
    expect(new Set(error!.widths).size).toBe(1);
    expect(error!.background).not.toBe(ready!.background);
  });
});

describe("ContactCardView given a summary with a date, laid out", () => {
  it("leaves space between the summary and its Updated line", async () => {
    await layOut(markup(<ContactCardView contact={buildContact({ contact_summary: "Prefers mornings.", contact_summary_updated_at: "2025-12-12T08:00:00Z" })} />));
    const summary = await box(".fiq-summary__text");
    const updated = await box(".fiq-meta");
    expect(updated.top - summary.bottom).toBeGreaterThanOrEqual(4);
  });
});

describe("ContactCardView given a long email in a narrow column, laid out", () => {
  const email = "bartholomew.featherstonehaugh@very-long-company-name.example.co.za";

  it("wraps the address only before its @ and dots or after a hyphen, and keeps it inside the card", async () => {
    await layOut(markup(<ContactCardView contact={buildContact({ email })} />), 260);
    // Each character with the line it lands on, read from the layout.
    const characters = await page.$eval("a[href^='mailto:']", (link) => {
      const range = document.createRange();
      const out: { character: string; top: number }[] = [];
      for (const node of link.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE) continue;
        for (let index = 0; index < (node.textContent ?? "").length; index++) {
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          out.push({ character: range.toString(), top: Math.round(range.getBoundingClientRect().top) });
        }
      }
      return out;
    });
    expect(characters.map(({ character }) => character).join("")).toBe(email);
    const breaks = characters.flatMap(({ top }, index) => (index > 0 && top > characters[index - 1]!.top ? [index] : []));
    expect(breaks.length).toBeGreaterThan(1);
    for (const index of breaks) {
      const at = `${email.slice(0, index)}|${email.slice(index)}`;
      expect(/[@.]/.test(email[index]!) || email[index - 1] === "-", at).toBe(true);
    }
    const card = await box(".fiq-card");
    const link = await box("a[href^='mailto:']");
    expect(link.right).toBeLessThanOrEqual(card.right);
  });
});

describe("ContactCardView's avatar, laid out", () => {
  it("keeps two wide initials inside its circle", async () => {
    await layOut(markup(<ContactCardView contact={buildContact({ full_name: "Wolfgang Mozart" })} />));
    const avatar = await page.$eval(".fiq-avatar", (element) => ({ text: element.textContent, fits: element.scrollWidth <= element.clientWidth }));
    expect(avatar).toEqual({ text: "WM", fits: true });
  });

  it("sizes the initials from the circle, so a host's bigger avatar gets bigger letters", async () => {
    await layOut(markup(<ContactCardView contact={buildContact()} className="big" />).replace('class="fiq-card big"', 'class="fiq-card big" style="--fiq-avatar-size: 80px"'));
    const [size, font] = await page.$eval(".fiq-avatar", (element) => [element.getBoundingClientRect().width, parseFloat(getComputedStyle(element).fontSize)]);
    expect(size).toBe(80);
    expect(font).toBeGreaterThan(24);
  });
});
