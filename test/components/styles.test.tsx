import { render, screen } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { ContactCardSkeleton } from "../../src/components/ContactCard/ContactCardSkeleton.js";
import { ContactCardView } from "../../src/components/ContactCard/ContactCardView.js";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { contactScenarios } from "../../src/msw/contactScenarios.js";
import { server } from "../server.js";
import { renderWithProvider } from "../utils.js";

const css = readFileSync(resolve(__dirname, "../../src/styles.css"), "utf8");
const source = css.replace(/\/\*[\s\S]*?\*\//g, "");

type Block = { prelude: string; body: string; children: Block[] };

/** A small brace-matching reader: enough for a stylesheet with no strings holding braces. */
function parse(text: string): Block[] {
  const blocks: Block[] = [];
  let depth = 0;
  let start = 0;
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "{") {
      if (depth === 0) open = i;
      depth++;
    } else if (text[i] === "}") {
      depth--;
      if (depth === 0) {
        const prelude = text.slice(start, open).trim().split(/;\s*/).pop()!.trim();
        const body = text.slice(open + 1, i);
        blocks.push({ prelude, body, children: body.includes("{") ? parse(body) : [] });
        start = i + 1;
      }
    }
  }
  return blocks;
}

/** A selector list split at its top-level commas (not those inside :where(), :is() or :not()). */
function topLevelSelectors(list: string): string[] {
  const out = [""];
  let depth = 0;
  for (const char of list) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === "," && depth === 0) out.push("");
    else out[out.length - 1] += char;
  }
  return out;
}

const top = parse(source);
const all = (blocks: Block[]): Block[] => blocks.flatMap((block) => [block, ...all(block.children)]);
const rules = all(top).filter((block) => !block.prelude.startsWith("@") && block.children.length === 0);
const styleRules = rules.filter((rule) => !/^(from|to|\d+%)$/.test(rule.prelude));

function vars(prelude: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of styleRules.filter((r) => r.prelude === prelude)) {
    for (const [, name, value] of rule.body.matchAll(/(--fiq-[\w-]+)\s*:\s*([^;]+)/g)) out[name!] = value!.trim();
  }
  return out;
}

function luminance(hex: string): number {
  const full = hex.length === 4 ? hex.replace(/^#(.)(.)(.)$/, "#$1$1$2$2$3$3") : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

// The card, the chip and the hover card's trigger share one set of theme variables.
const light = vars(":where(.fiq-card, .fiq-chip, .fiq-hovercard)");
const darkSelector =
  ':where([data-theme="dark"] :is(.fiq-card, .fiq-chip, .fiq-hovercard):not([data-theme="light"]), :is(.fiq-card, .fiq-chip, .fiq-hovercard)[data-theme="dark"])';
const mediaDarkSelector = ':where(:is(.fiq-card, .fiq-chip, .fiq-hovercard):not([data-theme="light"], [data-theme="light"] *))';
const dark = { ...light, ...vars(darkSelector) };

describe("styles.css", () => {
  it("is one @layer flowiq block", () => {
    expect(top).toHaveLength(1);
    expect(top[0]!.prelude).toBe("@layer flowiq");
    expect(source.trim().endsWith("}")).toBe(true);
  });

  it("wraps every selector in :where() so host styles win", () => {
    expect(styleRules.length).toBeGreaterThan(20);
    for (const rule of styleRules) {
      for (const selector of topLevelSelectors(rule.prelude)) {
        // A pseudo-element cannot sit inside :where(), so it follows it.
        expect(selector.trim(), rule.prelude).toMatch(/^:where\(.*\)(::(before|after))?$/s);
      }
    }
  });

  it("prefixes every class, variable and animation with fiq-", () => {
    const classes = [...source.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]);
    expect(classes.filter((name) => !name!.startsWith("fiq-"))).toEqual([]);
    const variables = [...source.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]);
    expect(variables.filter((name) => !name!.startsWith("--fiq-"))).toEqual([]);
    const keyframes = [...source.matchAll(/@keyframes\s+([\w-]+)/g)].map((m) => m[1]);
    expect(keyframes).toEqual(["fiq-pulse"]);
  });

  it("uses logical properties only, so right-to-left pages lay out right", () => {
    const physical = /(^|[\s;{])((margin|padding|border)-(left|right|top|bottom)|left|right|top|bottom|width|height|min-width|max-width|min-height|max-height)\s*:|text-align\s*:\s*(left|right)|float\s*:/;
    for (const rule of styleRules) expect(rule.body, rule.prelude).not.toMatch(physical);
  });

  it("goes dark by preference unless forced light, and by data-theme", () => {
    const media = all(top).find((block) => block.prelude === "@media (prefers-color-scheme: dark)");
    expect(media?.children.map((child) => child.prelude)).toEqual([mediaDarkSelector]);
    expect(vars(mediaDarkSelector)).toEqual(vars(darkSelector));
    expect(Object.keys(vars(darkSelector)).length).toBeGreaterThanOrEqual(15);
  });

  it("animates the skeleton only when motion is welcome", () => {
    const animated = styleRules.filter((rule) => /animation\s*:/.test(rule.body));
    expect(animated.length).toBe(1);
    const motion = all(top).find((block) => block.prelude === "@media (prefers-reduced-motion: no-preference)");
    expect(motion?.children).toContainEqual(expect.objectContaining({ body: expect.stringMatching(/animation\s*:\s*fiq-pulse/) }));
  });

  it("tints the whole error card instead of thickening one edge, which would meet the corner radius", () => {
    const error = styleRules.filter((rule) => rule.prelude.includes('[data-state="error"]'));
    expect(error.map((rule) => rule.body).join("")).toMatch(/background:\s*var\(--fiq-danger-bg\)/);
    expect(error.map((rule) => rule.body).join("")).not.toMatch(/border-(inline|block)-(start|end)/);
  });

  it("breaks inside a word only when nothing else fits", () => {
    expect(source).not.toMatch(/overflow-wrap:\s*anywhere|word-break:\s*break-all/);
    expect(styleRules.find((rule) => rule.prelude === ":where(.fiq-card)" && /overflow-wrap/.test(rule.body))?.body).toMatch(/overflow-wrap:\s*break-word/);
  });

  it("sizes the avatar and its initials from one variable", () => {
    // Every rule for the avatar alone or in a list (its circle is shared with the error icon).
    const avatar = styleRules
      .filter((rule) => /^:where\(([^)]*, )?\.fiq-avatar(, [^)]*)?\)$/.test(rule.prelude))
      .map((rule) => rule.body)
      .join("\n");
    expect(avatar).toMatch(/inline-size:\s*var\(--fiq-avatar-size\)/);
    expect(avatar).toMatch(/font-size:\s*calc\(var\(--fiq-avatar-size\)/);
    expect(avatar).toMatch(/overflow:\s*hidden/);
  });

  it("draws a visible focus ring on links and buttons", () => {
    const focus = styleRules.find((rule) => rule.prelude.includes(":focus-visible"));
    expect(focus?.prelude).toMatch(/a, button/);
    expect(focus?.body).toMatch(/outline:\s*2px solid var\(--fiq-accent\)/);
  });

  // Without its comments, as an app's CSS minifier ships it. 2.5 KB (with comments) until 0.2 added
  // the chip and hover card, copy buttons, error and not-found states, compact density, muted statuses and the grid;
  // 3,509 bytes in 0.3, whose grid lets cards far off screen skip their rendering (data-offscreen).
  it("stays under 3.6 KB gzipped", () => {
    expect(gzipSync(source).length).toBeLessThan(3600);
  });

  it("has no !important, which would beat host styles", () => {
    expect(source).not.toContain("!important");
  });
});

describe("styles.css colours", () => {
  const pairs: [string, string, string][] = [
    ["text", "--fiq-fg", "--fiq-bg"],
    ["muted text", "--fiq-muted", "--fiq-bg"],
    ["links and buttons", "--fiq-accent", "--fiq-bg"],
    ["neutral badges", "--fiq-neutral-fg", "--fiq-neutral-bg"],
    ["success badges", "--fiq-success-fg", "--fiq-success-bg"],
    ["warning badges", "--fiq-warning-fg", "--fiq-warning-bg"],
    ["danger badges", "--fiq-danger-fg", "--fiq-danger-bg"],
    ["info badges and the avatar", "--fiq-info-fg", "--fiq-info-bg"],
    ["an error card's message", "--fiq-fg", "--fiq-danger-bg"],
  ];
  for (const [theme, palette] of [["light", light], ["dark", dark]] as const) {
    it.each(pairs)(`gives ${theme} %s at least 4.5:1 contrast`, (_what, fg, bg) => {
      expect(palette[fg], fg).toMatch(/^#[0-9a-f]{3,6}$/i);
      expect(contrast(palette[fg]!, palette[bg]!)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it("gives the dark theme its own value for every colour", () => {
    const colours = Object.keys(light).filter((name) => light[name]!.startsWith("#"));
    expect(colours.filter((name) => !(name in vars(darkSelector)))).toEqual([]);
  });
});

describe("styles.css and the components", () => {
  it("styles every fiq- class the components use, and uses every class it styles", async () => {
    const { container } = render(
      <>
        <ContactCardView
          contact={buildContact({ blocked: true, tags: Array.from({ length: 9 }, (_, i) => `t${i}`), contact_summary: "s", contact_summary_updated_at: "2025-01-01" })}
          actions={<span />}
        />
        <ContactCardSkeleton />
      </>,
    );
    server.use(...contactScenarios.serverError);
    const failed = renderWithProvider(<ContactCard phoneNumber="+27123456789" actions={<span />} />);
    await screen.findByRole("alert");
    const used = new Set(
      [container, failed.container].flatMap((root) => [...root.querySelectorAll("[class]")].flatMap((node) => [...node.classList])),
    );
    const styled = new Set([...source.matchAll(/\.(fiq-[\w-]+)/g)].map((m) => m[1]!));
    expect([...used].filter((name) => name.startsWith("fiq-") && !styled.has(name))).toEqual([]);
    // The chip's and hover card's classes are checked against their own markup in ContactHoverCard.test.tsx.
    const elsewhere = (name: string) => name === "fiq-card-grid" || /^fiq-(chip|hovercard)/.test(name);
    expect([...styled].filter((name) => !used.has(name) && !elsewhere(name))).toEqual([]);
  });
});
