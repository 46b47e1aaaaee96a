// The Content-Security-Policy the CSP check serves, and how it tells a
// violation caused by the library from one caused by Storybook itself.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, relative, resolve } from "node:path";

/** The policy the issue asks for; everything added to it is listed, with its reason, by `buildPolicy`. */
export const STRICT = {
  "default-src": ["'self'"],
  "style-src": ["'self'"],
  "script-src": ["'self'"],
};

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The inline `<script>` and `<style>` blocks of Storybook's iframe.html template (those without a src). */
export function inlineBlocks(html) {
  const blocks = [];
  for (const kind of ["script", "style"]) {
    const pattern = new RegExp(`<${kind}(\\s[^>]*)?>([\\s\\S]*?)</${kind}>`, "g");
    for (const match of html.matchAll(pattern)) {
      if (/\bsrc\s*=/.test(match[1] ?? "")) continue;
      const body = match[2] ?? "";
      blocks.push({ kind, hash: sha256(body), preview: body.trim().replace(/\s+/g, " ").slice(0, 60) });
    }
  }
  return blocks;
}

/**
 * STRICT plus exactly what Storybook's story iframe needs to start, nothing for
 * the library: the hashes of the iframe template's own inline blocks (its
 * globals, its top-window check, its loading-error handler, its fonts and
 * "preparing story" rules), and `connect-src` for the API origin the stories'
 * provider is pointed at (MSW's service worker answers it; without the
 * directive the browser refuses the fetch before the worker sees it — an app
 * using the proxy route needs only 'self' there).
 */
export function buildPolicy(iframeHtml, apiOrigin) {
  const directives = structuredClone(STRICT);
  const extras = [];
  for (const block of inlineBlocks(iframeHtml)) {
    directives[`${block.kind}-src`].push(block.hash);
    extras.push(`${block.kind}-src ${block.hash}: Storybook iframe.html inline ${block.kind} "${block.preview}…"`);
  }
  directives["connect-src"] = ["'self'", apiOrigin];
  extras.push(`connect-src ${apiOrigin}: the API origin the stories' FlowIQProvider calls (answered by MSW's service worker)`);
  const header = Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
  return { header, extras };
}

const require = createRequire(import.meta.url);

/** Maps a position in a built asset back to its source file, through the asset's source map. */
export function createSourceResolver(outDir, repoRoot) {
  // source-map-js comes with Vite (through postcss); it reads the maps the CSP build writes.
  const { SourceMapConsumer } = require("source-map-js");
  const consumers = new Map();
  const consumerFor = (file) => {
    if (!consumers.has(file)) {
      let consumer;
      try {
        consumer = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, "utf8")));
      } catch {
        consumer = null;
      }
      consumers.set(file, consumer);
    }
    return consumers.get(file);
  };
  return (sourceUrl, line, column) => {
    if (!sourceUrl || !line) return null;
    let path;
    try {
      path = new URL(sourceUrl).pathname;
    } catch {
      return null;
    }
    const file = resolve(outDir, `.${decodeURIComponent(path)}`);
    if (!file.startsWith(resolve(outDir))) return null;
    if (!file.endsWith(".js")) return relative(repoRoot, file) ? `built:${relative(outDir, file)}` : null;
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
 * Whose violation it is. "library" and "unknown" fail the check: a violation
 * is only let through when it is shown to come from Storybook, MSW or the
 * stories' own harness, never from src/ and never from inside a card.
 */
export function attribute(violation, source) {
  if (violation.target?.inCard) return "library";
  if (source?.startsWith("src/")) return "library";
  if (violation.sourceFile?.endsWith("/iframe.html") || source === "built:iframe.html") return "storybook";
  if (!source) return "unknown";
  if (/^node_modules\/(storybook|@storybook)\//.test(source)) return "storybook";
  if (/^node_modules\/(msw|msw-storybook-addon|@mswjs)\//.test(source)) return "msw";
  if (/^(stories|\.storybook)\//.test(source)) return "stories";
  return "unknown";
}
