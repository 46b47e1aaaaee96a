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
import type { Contact } from "../../src/core/types.js";
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

/** A ContactCard whose lookup found no contact, as a server would render it from that cache. */
function notFoundCard(density?: "compact") {
  const queryClient = new QueryClient();
  queryClient.setQueryData(contactQueryKey("acme", "+14155550100"), null);
  return (
    <FlowIQProvider tenantId="acme" queryClient={queryClient}>
      <ContactCard phoneNumber="+14155550100" density={density} />
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

/** A typical contact after a few weeks of conversations: every detail row, one badge, a row of tags. */
const typical = buildContact({
  full_name: "Thandi Nkosi",
  phone_number: "+27123456789",
  whatsapp_id: "27123456789",
  email: "thandi.nkosi@example.co.za",
  tags: ["customer", "premium", "johannesburg", "newsletter"],
  source: { type: "whatsapp", location: { city: "Johannesburg", country: "South Africa" }, created_at: "2025-03-14T08:05:00Z" },
});

describe("ContactCardSkeleton laid out beside a typical loaded card", () => {
  const cases: ["comfortable" | "compact", number, Contact][] = [
    ["comfortable", 420, typical],
    // A compact card in a four-column grid: one row of tags.
    ["compact", 260, { ...typical, tags: ["customer", "premium"] }],
  ];
  for (const [density, width, contact] of cases) {
    it(`is within 4 px of its height (${density})`, async () => {
      await layOut(markup(<ContactCardSkeleton density={density} />, <ContactCardView contact={contact} density={density} />), width);
      const skeleton = await box('[data-state="loading"]');
      const card = await box('[data-state="ready"]');
      expect(Math.abs(skeleton.height - card.height), `skeleton ${skeleton.height}px, card ${card.height}px`).toBeLessThanOrEqual(4);
    });
  }
});

describe("A .fiq-card-grid of cards, laid out", () => {
  const everyBadge = { ...typical, full_name: "Lindiwe Mahlangu", blocked: true, archived: true, allow_broadcast: false, active_status: true, has_unread_messages: true };
  const plain = { ...typical, full_name: "Sipho Dlamini", bot_status: null, email: null, tags: ["lead"] };
  const longName = { ...typical, full_name: "Maria Fernanda de los Ángeles Castillo-Villanueva", tags: [] };

  async function rowOf(html: string, width = 900) {
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>${css} body { margin: 0; font: 16px sans-serif }</style></head>` +
        `<body><div class="fiq-card-grid" style="inline-size: ${width}px">${html}</div></body></html>`,
    );
    return page.$$eval(".fiq-card", (cards) =>
      cards.map((card) => {
        const top = (selector: string) => card.querySelector(selector)?.getBoundingClientRect().top ?? null;
        const rect = card.getBoundingClientRect();
        return { top: rect.top, height: rect.height, details: top(".fiq-details"), tags: top(".fiq-tags") };
      }),
    );
  }

  it("gives the cards of a row one height and starts their detail rows and tags at the same y", async () => {
    const cards = await rowOf(markup(<ContactCardView contact={everyBadge} />, <ContactCardView contact={plain} />, <ContactCardView contact={longName} />));
    expect(new Set(cards.map((card) => card.top)).size).toBe(1);
    expect(new Set(cards.map((card) => Math.round(card.height))).size).toBe(1);
    expect(new Set(cards.map((card) => Math.round(card.details!))).size).toBe(1);
    // The first card's badges wrap onto a second line; the others' details still line up with its own.
    expect(cards[1]!.tags).toBe(cards[0]!.tags);
  });

  it("lines up compact cards in four columns the same way", async () => {
    const cards = await rowOf(
      markup(...[everyBadge, plain, longName, typical].map((contact) => <ContactCardView contact={contact} density="compact" maxTags={2} />)),
      1100,
    );
    expect(new Set(cards.map((card) => card.top)).size).toBe(1);
    expect(new Set(cards.map((card) => Math.round(card.height))).size).toBe(1);
    expect(new Set(cards.map((card) => Math.round(card.details!))).size).toBe(1);
  });

  it("keeps a loading and a not-found card at the loaded ones' height", async () => {
    const cards = await rowOf(markup(<ContactCardView contact={everyBadge} />, <ContactCardSkeleton />, notFoundCard()));
    expect(new Set(cards.map((card) => Math.round(card.height))).size).toBe(1);
    // A loading card opts out of the shared section rows (the containment that lets 500 of them skip rendering
    // off screen): its placeholder lines sit where a skeleton puts them, and the card's sections align once loaded.
    expect(cards[1]!.details).not.toBe(cards[0]!.details);
  });

  it("lets a not-found card's sentence run beside a compact card's tags rather than push them down", async () => {
    const [alone] = await rowOf(markup(<ContactCardView contact={plain} density="compact" />), 1100);
    const [beside, notFound] = await rowOf(markup(<ContactCardView contact={plain} density="compact" />, notFoundCard("compact")), 1100);
    // The tags follow the phone row as closely as when the card is alone in its row.
    expect(beside!.tags! - beside!.details!).toBe(alone!.tags! - alone!.details!);
    expect(Math.round(beside!.height)).toBe(Math.round(notFound!.height));
  });
});

describe("A card in a wide container, laid out", () => {
  it("keeps to --fiq-card-max-inline-size (30rem unless the page sets it)", async () => {
    await layOut(markup(<ContactCardView contact={typical} />), 1264);
    expect((await box(".fiq-card")).right - (await box(".fiq-card")).left).toBe(480);
    await page.addStyleTag({ content: "#column { --fiq-card-max-inline-size: 600px }" });
    expect((await box(".fiq-card")).right - (await box(".fiq-card")).left).toBe(600);
  });
});

describe("ContactCardView's tags, laid out", () => {
  it("keeps a long tag on one line, cut with an ellipsis, its full text in the title", async () => {
    const tag = "a-very-long-campaign-tag-name-that-never-stops-going-on-and-on";
    await layOut(markup(<ContactCardView contact={{ ...typical, tags: [tag, "vip"] }} />), 300);
    const pill = await page.$eval(".fiq-tag", (element) => ({
      title: element.getAttribute("title"),
      height: element.getBoundingClientRect().height,
      cut: element.scrollWidth > element.clientWidth,
      overflow: getComputedStyle(element).textOverflow,
    }));
    const vip = await page.$eval(".fiq-tag:last-child", (element) => element.getBoundingClientRect().height);
    expect(pill).toEqual({ title: tag, height: vip, cut: true, overflow: "ellipsis" });
    const card = await box(".fiq-card");
    const list = await box(".fiq-tags__list");
    expect(list.right).toBeLessThanOrEqual(card.right);
  });
});

describe("ContactCardView given a right-to-left name in a left-to-right page, laid out", () => {
  it("sets the name beside its avatar, not against the far edge", async () => {
    await layOut(markup(<ContactCardView contact={{ ...typical, full_name: "نور الهدى عبد الرحمن" }} />));
    const avatar = await box(".fiq-avatar");
    const text = await page.$eval(".fiq-card__name", (heading) => {
      const range = document.createRange();
      range.selectNodeContents(heading);
      const { left, right } = range.getBoundingClientRect();
      return { left, right };
    });
    const card = await box(".fiq-card");
    expect(text.left - avatar.right).toBeLessThan(20);
    expect(card.right - text.right).toBeGreaterThan(40);
  });
});

describe("ContactCardSkeleton's shapes, laid out", () => {
  it("draws the avatar as a circle and keeps every bar inside the card", async () => {
    await layOut(markup(<ContactCardSkeleton />));
    const avatar = await box(".fiq-skeleton__block");
    expect(avatar.right - avatar.left).toBe(avatar.height);
    const card = await box(".fiq-card");
    const bars = await page.$$eval(".fiq-skeleton__line", (lines) => lines.map((line) => line.getBoundingClientRect().right));
    for (const right of bars) expect(right).toBeLessThanOrEqual(card.right);
  });
});

describe("ContactCardView's values and copy buttons, laid out", () => {
  it("keeps a formatted number on one line and a copy button beside the last line of its email", async () => {
    await layOut(
      markup(<ContactCardView contact={{ ...typical, email: "sipho@example.com" }} formatPhone={() => "+27 12 345 6789"} />),
      260,
    );
    const phoneLines = await page.$eval("a[href^='tel:']", (link) => new Set([...link.getClientRects()].map((rect) => Math.round(rect.top))).size);
    expect(phoneLines).toBe(1);
    const [lastLine, copy] = await page.$eval("a[href^='mailto:']", (link) => {
      const rects = [...link.getClientRects()].filter((rect) => rect.width > 0);
      const button = link.nextElementSibling!.getBoundingClientRect();
      return [rects.at(-1)!, { top: button.top, bottom: button.bottom, left: button.left }] as const;
    });
    expect(copy.top).toBeLessThan(lastLine.bottom);
    expect(copy.bottom).toBeGreaterThan(lastLine.top);
    expect(copy.left).toBeGreaterThanOrEqual(lastLine.right - 1);
  });
});
