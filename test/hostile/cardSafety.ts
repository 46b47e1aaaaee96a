declare global {
  interface Window {
    __fiqPwned?: unknown;
  }
}

const SAFE_HREF = /^(tel:\+\d{8,15}|https:\/\/wa\.me\/\d{8,15}|mailto:[^\s:/?#&]+@[^\s:/?#&]+)$/u;
const ACTIVE = "script, iframe, frame, object, embed, img, svg, math, style, link, meta, base, form, input, textarea";

/**
 * What must hold for any card, whatever the contact held: no element or
 * attribute that runs code or loads anything, links only of the three allowed
 * kinds, no inline styles (a strict CSP), and no placeholder words leaking
 * into the text.
 */
export function expectSafeCard(root: HTMLElement) {
  expect(root.querySelectorAll(ACTIVE)).toHaveLength(0);
  for (const element of root.querySelectorAll("*")) {
    for (const attribute of element.getAttributeNames()) {
      expect(attribute.startsWith("on"), `attribute ${attribute} on <${element.tagName.toLowerCase()}>`).toBe(false);
      expect(attribute).not.toBe("style");
      expect(attribute).not.toBe("srcdoc");
    }
  }
  for (const link of root.querySelectorAll("[href]")) {
    const href = link.getAttribute("href") ?? "";
    expect(href, "a link made from contact data").toMatch(SAFE_HREF);
    if (href.startsWith("mailto:")) {
      // The address the mail program gets is the one the card shows.
      expect(decodeURIComponent(href.slice("mailto:".length))).toBe(link.textContent);
    }
  }
  expect(window.__fiqPwned).toBeUndefined();
  const text = root.textContent ?? "";
  for (const word of ["undefined", "null", "NaN", "Invalid Date", "[object Object]"]) {
    expect(text, `the card's text holds "${word}"`).not.toContain(word);
  }
}
