/**
 * Keeping the API key out of text that came back from elsewhere. The rule: no run of
 * {@link KEY_RUN} or more consecutive characters of the key survives, in whatever form
 * the other side wrote it — plain, JSON-escaped (`\u0061`), percent-encoded (`%61`) or as an
 * HTML character reference (`&#97;`). A shorter key is redacted whole.
 */

/** The shortest run of the key that is redacted: enough to identify it, too short to occur by chance. */
export const KEY_RUN = 8;

const REDACTED = "[redacted]";

/** Text decoded once (JSON/JS escapes, %XX, &#…;), with each decoded character's span in the original. */
type Decoded = { text: string; from: number[]; to: number[] };

const SIMPLE_ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "0": "\0" };

function decodeAt(text: string, index: number): [string, number] | undefined {
  const char = text[index];
  if (char === "\\") {
    const next = text[index + 1];
    if (next === undefined) return undefined;
    const hex = next === "u" ? text.slice(index + 2, index + 6) : next === "x" ? text.slice(index + 2, index + 4) : "";
    if (hex && /^[0-9a-f]+$/i.test(hex) && hex.length === (next === "u" ? 4 : 2)) {
      return [String.fromCharCode(parseInt(hex, 16)), 2 + hex.length];
    }
    return [SIMPLE_ESCAPES[next] ?? next, 2];
  }
  if (char === "%") {
    const hex = text.slice(index + 1, index + 3);
    if (/^[0-9a-f]{2}$/i.test(hex)) return [String.fromCharCode(parseInt(hex, 16)), 3];
    return undefined;
  }
  if (char === "&" && text[index + 1] === "#") {
    const match = /^&#(?:x([0-9a-f]{1,6})|(\d{1,7}));?/i.exec(text.slice(index, index + 12));
    if (!match) return undefined;
    const code = match[1] !== undefined ? parseInt(match[1], 16) : Number(match[2]);
    if (code > 0x10ffff) return undefined;
    return [String.fromCodePoint(code), match[0].length];
  }
  return undefined;
}

function decode(text: string): Decoded {
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let index = 0; index < text.length; ) {
    const [char, length] = decodeAt(text, index) ?? [text[index] as string, 1];
    // A decoded astral character is two UTF-16 units; both map to the one escape.
    for (const unit of char.length > 1 ? char.split("") : [char]) {
      out.push(unit);
      from.push(index);
      to.push(index + length);
    }
    index += length;
  }
  return { text: out.join(""), from, to };
}

/** Every run of the key in `text` as [start, end) spans, merged. */
function keySpans(text: string, key: string): Array<[number, number]> {
  const run = Math.min(KEY_RUN, key.length);
  const grams = new Set<string>();
  for (let start = 0; start + run <= key.length; start++) grams.add(key.slice(start, start + run));
  const hits: Array<[number, number]> = [];
  for (const gram of grams) {
    // indexOf per gram keeps a multi-megabyte body fast: a few native scans, no per-character work.
    for (let at = text.indexOf(gram); at !== -1; at = text.indexOf(gram, at + 1)) hits.push([at, at + run]);
  }
  hits.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const hit of hits) {
    const last = merged[merged.length - 1];
    if (last && hit[0] <= last[1]) last[1] = Math.max(last[1], hit[1]);
    else merged.push([...hit]);
  }
  return merged;
}

function replaceSpans(text: string, spans: Array<[number, number]>): string {
  let out = "";
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue;
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
  let out = replaceSpans(text, keySpans(text, key));
  // Decoded views, up to twice (a JSON-escaped percent-encoding), mapped back to the original.
  for (let round = 0; round < 2 && MAY_BE_ENCODED.test(out); round++) {
    const decoded = decode(out);
    const spans = keySpans(decoded.text, key).map(([start, end]): [number, number] => [
      decoded.from[start] as number,
      decoded.to[end - 1] as number,
    ]);
    if (spans.length === 0) break;
    out = replaceSpans(out, spans);
  }
  return out;
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
export function holdsKey(value: unknown, key: string, seen = new Set<unknown>(), depth = 0): boolean {
  if (value === null || value === undefined || depth > 8) return false;
  if (typeof value === "string") return textHoldsKey(value, key);
  if (typeof value !== "object" && typeof value !== "function") return textHoldsKey(String(value), key);
  if (seen.has(value)) return false;
  seen.add(value);
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
