/**
 * Keeping the API key out of text that came back from elsewhere. The rule: no run of
 * {@link KEY_RUN} or more consecutive characters of the key survives, in whatever form
 * the other side wrote it — plain, JSON-escaped (`\u0061`), percent-encoded (`%61`) or as an
 * HTML character reference (`&#97;`). A shorter key is redacted whole.
 */

/** The shortest run of the key that is redacted: enough to identify it, too short to occur by chance. */
export const KEY_RUN = 8;

const REDACTED = "[redacted]";

/** One piece of decoded text: `length` characters at `at`, from `sourceLength` characters at `from` in the original. */
type Segment = { at: number; from: number; length: number; sourceLength: number; escape: boolean };

/** Text decoded once (JSON/JS escapes, %XX, &#…;), with where each piece came from in the original. */
type Decoded = { text: string; segments: Segment[] };

const SIMPLE_ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "0": "\0" };
const ESCAPE = /\\u[0-9a-f]{4}|\\x[0-9a-f]{2}|\\[^ux]|%[0-9a-f]{2}|&#(?:x[0-9a-f]{1,6}|\d{1,7});?/gi;

function decodeOne(escape: string): string {
  if (escape.startsWith("\\u") || escape.startsWith("\\x")) return String.fromCharCode(parseInt(escape.slice(2), 16));
  if (escape.startsWith("\\")) return SIMPLE_ESCAPES[escape[1] as string] ?? (escape[1] as string);
  if (escape.startsWith("%")) return String.fromCharCode(parseInt(escape.slice(1), 16));
  const code = escape[2] === "x" || escape[2] === "X" ? parseInt(escape.slice(3), 16) : parseInt(escape.slice(2), 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : escape;
}

// Escapes are found with one regular expression and plain stretches copied whole, so a
// multi-megabyte body with a few escapes decodes in one pass.
function decode(text: string): Decoded {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let at = 0;
  let from = 0;
  const plain = (end: number) => {
    if (end <= from) return;
    parts.push(text.slice(from, end));
    segments.push({ at, from, length: end - from, sourceLength: end - from, escape: false });
    at += end - from;
  };
  for (const match of text.matchAll(ESCAPE)) {
    plain(match.index);
    const char = decodeOne(match[0]);
    parts.push(char);
    segments.push({ at, from: match.index, length: char.length, sourceLength: match[0].length, escape: true });
    at += char.length;
    from = match.index + match[0].length;
  }
  plain(text.length);
  return { text: parts.join(""), segments };
}

/** The original span [start, end) that decoded character `index` came from. */
function sourceOf({ segments }: Decoded, index: number): [number, number] {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((segments[middle] as Segment).at <= index) low = middle;
    else high = middle - 1;
  }
  const segment = segments[low] as Segment;
  if (segment.escape) return [segment.from, segment.from + segment.sourceLength];
  const offset = segment.from + (index - segment.at);
  return [offset, offset + 1];
}

/** Every run of the key in `text`, as [start, end) spans. */
function keySpans(text: string, key: string): Array<[number, number]> {
  const run = Math.min(KEY_RUN, key.length);
  const grams = new Set<string>();
  for (let start = 0; start + run <= key.length; start++) grams.add(key.slice(start, start + run));
  const hits: Array<[number, number]> = [];
  for (const gram of grams) {
    // indexOf per gram keeps a multi-megabyte body fast: a few native scans, no per-character work.
    for (let at = text.indexOf(gram); at !== -1; at = text.indexOf(gram, at + 1)) hits.push([at, at + run]);
  }
  return hits;
}

function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

function replaceSpans(text: string, spans: Array<[number, number]>): string {
  let out = "";
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + REDACTED;
    at = end;
  }
  return out + text.slice(at);
}

const MAY_BE_ENCODED = /\\|%[0-9a-f]{2}|&#/i;

/**
 * Removes every run of the key (see {@link KEY_RUN}) from `text`, plain or encoded. Redact
 * before cutting text short, never after: a cut can leave an escape half-visible.
 * @example redact(`bad key fiq_live_\\u0061bc…`, key) // "bad key [redacted]…"
 */
export function redact(text: string, key: string | undefined): string {
  if (!key || key.length < 4) return text;
  // The text as written, then decoded once and twice (say, a JSON-escaped percent-encoding);
  // every run found in a decoded view is mapped back to the characters it came from.
  const views: Decoded[] = [];
  let current = text;
  while (views.length < 2 && MAY_BE_ENCODED.test(current)) {
    const view = decode(current);
    if (view.text === current) break;
    views.push(view);
    current = view.text;
  }
  const spans = keySpans(text, key);
  views.forEach((view, depth) => {
    for (let [start, end] of keySpans(view.text, key)) {
      for (let level = depth; level >= 0; level--) {
        const through = views[level] as Decoded;
        [start, end] = [sourceOf(through, start)[0], sourceOf(through, end - 1)[1]];
      }
      spans.push([start, end]);
    }
  });
  return replaceSpans(text, mergeSpans(spans));
}

/** Whether `text` holds a run of the key in any form {@link redact} removes. */
export function textHoldsKey(text: string, key: string): boolean {
  return redact(text, key) !== text;
}

/** Names of accessors worth reading on objects that carry a request (Request, Response, wrappers' errors). */
const CARRIERS = ["message", "stack", "cause", "url", "headers", "request", "response", "options", "config", "init", "body"];

/**
 * Whether a value carries the key anywhere a logger could print it: its text, own properties
 * (enumerable or not), `Headers` and `Map` entries, a `Request`'s url and headers, and its cause chain.
 * `JSON.stringify` alone is not enough: it shows a `Headers` object as `{}`.
 */
export function holdsKey(value: unknown, key: string, seen = new Map<unknown, number>(), depth = 0): boolean {
  if (value === null || value === undefined || depth > 8) return false;
  if (typeof value === "string") return textHoldsKey(value, key);
  if (typeof value !== "object" && typeof value !== "function") return textHoldsKey(String(value), key);
  // Walked again only when met nearer the top than before: first met near the depth limit, its
  // own contents were cut off there, and a shallower path to it must still see them.
  const walkedAt = seen.get(value);
  if (walkedAt !== undefined && walkedAt <= depth) return false;
  seen.set(value, depth);
  const nested = (inner: unknown) => holdsKey(inner, key, seen, depth + 1);
  try {
    if (textHoldsKey(String(value), key)) return true;
  } catch {
    // an object whose toString throws is still walked below
  }
  const entries = (value as { entries?: unknown }).entries;
  if (typeof entries === "function" && !Array.isArray(value)) {
    try {
      for (const entry of entries.call(value) as Iterable<unknown>) if (nested(entry)) return true;
    } catch {
      // not iterable after all
    }
  }
  const names = new Set<string>(CARRIERS);
  try {
    for (const name of Object.getOwnPropertyNames(value)) names.add(name);
  } catch {
    // a proxy that refuses: what was reachable has been checked
  }
  for (const name of names) {
    let inner: unknown;
    try {
      inner = (value as Record<string, unknown>)[name];
    } catch {
      continue;
    }
    if (typeof inner !== "function" && nested(inner)) return true;
  }
  return false;
}
