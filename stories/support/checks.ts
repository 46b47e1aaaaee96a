import { expect } from "storybook/test";

/** jsdom has no layout, no computed styles from stylesheets and no colour; only a browser can judge those. */
export function inRealBrowser(): boolean {
  return !navigator.userAgent.includes("jsdom");
}

const PLACEHOLDER = /\bundefined\b|\bnull\b|\bNaN\b|Invalid Date|\[object Object\]/;

/**
 * Text a card must never show or say, whatever the data: leaked placeholders and unparsed dates,
 * in any text node or in a name, title or link. Each is checked alone: the element's whole
 * textContent runs words together ("2025NaN"), where a word boundary would miss them.
 */
export async function expectNoPlaceholderText(element: HTMLElement) {
  const found: string[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (PLACEHOLDER.test(node.nodeValue ?? "")) found.push(node.nodeValue ?? "");
  }
  for (const described of element.querySelectorAll("[aria-label], [title], [alt], [href]")) {
    for (const name of ["aria-label", "title", "alt", "href"]) {
      const value = described.getAttribute(name);
      if (value && PLACEHOLDER.test(value)) found.push(`${name}="${value}"`);
    }
  }
  await expect(found).toEqual([]);
}

/** The element carrying `data-state` around a piece of a card. */
export function cardRoot(element: Element): HTMLElement {
  const root = element.closest<HTMLElement>("[data-state]");
  if (!root) throw new Error("No element with data-state around this one");
  return root;
}

/** In a browser, the focused element shows a ring: a solid outline at least 2px wide, or a box shadow. */
export async function expectVisibleFocusRing(element: Element) {
  await expect(element.matches(":focus")).toBe(true);
  if (!inRealBrowser()) return;
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow !== "" && style.boxShadow !== "none";
  await expect({ element: element.outerHTML.slice(0, 80), visibleRing: outline || shadow }).toEqual({
    element: element.outerHTML.slice(0, 80),
    visibleRing: true,
  });
}

/** Relative luminance (WCAG) of a computed `rgb()`/`rgba()` colour. */
export function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** In a browser, the card's content fits its width: nothing pokes out sideways. */
export async function expectNoHorizontalOverflow(element: HTMLElement) {
  if (!inRealBrowser()) return;
  await expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
}

/**
 * How long a play function waits for a state that needs the service worker, a
 * retry or a delay. The default (1 s) fails on a busy or slow machine, where
 * the worker's first answer alone can take longer.
 */
export const settled = { timeout: 15_000 };
