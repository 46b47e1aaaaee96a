// The Content-Security-Policy the static Storybook is served with, and how a violation is
// told apart: the library's (fails the check) or Storybook's / MSW's own.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { SourceMapConsumer } from "source-map-js";

/** The strict policy; `buildPolicy` lists everything added to it, with its reason. */
export const STRICT: Record<string, string[]> = {
  "default-src": ["'self'"],
  "style-src": ["'self'"],
  "script-src": ["'self'"],
};

/** The origin the stories' FlowIQProvider calls (answered by MSW's service worker). */
export const STORY_API_ORIGIN = "https://api.flowiq.live";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The inline `<script>` and `<style>` blocks of Storybook's iframe.html template (those without a src). */
function inlineBlocks(html: string) {
  return (["script", "style"] as const).flatMap((kind) =>
    [...html.matchAll(new RegExp(`<${kind}(\\s[^>]*)?>([\\s\\S]*?)</${kind}>`, "g"))]
      .filter((match) => !/\bsrc\s*=/.test(match[1] ?? ""))
      .map((match) => ({ kind, hash: sha256(match[2] ?? ""), preview: (match[2] ?? "").trim().replace(/\s+/g, " ").slice(0, 60) })),
  );
}

/**
 * STRICT plus exactly what Storybook's story iframe needs to start, nothing for the
 * library: the hashes of the iframe template's own inline blocks, and `connect-src`
 * for the API origin the stories call (without it the browser refuses the fetch
 * before MSW's worker sees it; an app using the proxy route needs only 'self' there).
 */
export function buildPolicy(iframeHtml: string, apiOrigin = STORY_API_ORIGIN): { header: string; extras: string[] } {
  const directives = structuredClone(STRICT);
  const extras: string[] = [];
  for (const block of inlineBlocks(iframeHtml)) {
    directives[`${block.kind}-src`]?.push(block.hash);
    extras.push(`${block.kind}-src ${block.hash}: Storybook iframe.html inline ${block.kind} "${block.preview}…"`);
  }
  directives["connect-src"] = ["'self'", apiOrigin];
  extras.push(`connect-src ${apiOrigin}: the API origin the stories' FlowIQProvider calls (answered by MSW's service worker)`);
  const header = Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
  return { header, extras };
}

/** What the page records for each `securitypolicyviolation` event. */
export type Violation = {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  column: number;
  target: { tag: string; id?: string; inCard?: boolean };
};

/** Maps a position in a built asset back to its source file (relative to the repo), through its source map. */
export function createSourceResolver(outDir: string, repoRoot: string) {
  const consumers = new Map<string, SourceMapConsumer | null>();
  const consumerFor = (file: string) => {
    if (!consumers.has(file)) {
      try {
        consumers.set(file, new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, "utf8"))));
      } catch {
        consumers.set(file, null);
      }
    }
    return consumers.get(file) ?? null;
  };
  return (sourceUrl: string, line: number, column: number): string | null => {
    if (!sourceUrl || !line) return null;
    let path: string;
    try {
      path = new URL(sourceUrl).pathname;
    } catch {
      return null;
    }
    const file = resolve(outDir, `.${decodeURIComponent(path)}`);
    if (!file.startsWith(resolve(outDir))) return null;
    if (!file.endsWith(".js")) return `built:${relative(outDir, file)}`;
    const consumer = consumerFor(file);
    if (!consumer) return null;
    // Chromium reports 1-based columns; source maps count from 0.
    for (const col of [Math.max(0, column - 1), column]) {
      const original = consumer.originalPositionFor({ line, column: col });
      if (original.source) return relative(repoRoot, resolve(dirname(file), original.source));
    }
    return null;
  };
}

/**
 * Whose violation it is. "library" and "unknown" fail the check: one is only let
 * through when it is shown to come from Storybook, MSW or the stories' own harness,
 * never from src/ and never from inside a card.
 */
export function attribute(violation: Violation, source: string | null): "library" | "storybook" | "msw" | "stories" | "unknown" {
  if (violation.target.inCard) return "library";
  if (source?.startsWith("src/")) return "library";
  if (violation.sourceFile?.endsWith("/iframe.html") || source === "built:iframe.html") return "storybook";
  if (!source) return "unknown";
  if (/^node_modules\/(storybook|@storybook)\//.test(source)) return "storybook";
  if (/^node_modules\/(msw|msw-storybook-addon|@mswjs)\//.test(source)) return "msw";
  if (/^(stories|\.storybook|e2e\/storybook)\//.test(source)) return "stories";
  return "unknown";
}
