import { describe, expect, it } from "vitest";
import { holdsKey, KEY_RUN, redact, textHoldsKey } from "../../src/core/redact.js";

// A key with the characters APIs like to escape: "/" (PHP's json_encode writes "\/") and "+" (%2B).
const KEY = "fiq_live_ab/cd+EF12gh";

const hex = (char: string, width: number) => char.charCodeAt(0).toString(16).padStart(width, "0");
const each = (text: string, encode: (char: string) => string) => [...text].map(encode).join("");
/** The encodings a body or message may carry the key in. */
const jsonEscaped = (text: string) => each(text, (char) => `\\u${hex(char, 4)}`);
const jsEscaped = (text: string) => each(text, (char) => `\\x${hex(char, 2)}`);
const percentEncoded = (text: string) => each(text, (char) => `%${hex(char, 2).toUpperCase()}`);
const decimalRefs = (text: string) => each(text, (char) => `&#${char.charCodeAt(0)};`);
const hexRefs = (text: string) => each(text, (char) => `&#x${hex(char, 2)};`);
const upperHexRefs = (text: string) => each(text, (char) => `&#X${hex(char, 2).toUpperCase()}`);

describe("redact: the key in any form a body or message carries it", () => {
  it.each([
    ["plain", KEY],
    ["JSON \\u escapes", jsonEscaped(KEY)],
    ["JS \\x escapes", jsEscaped(KEY)],
    ["percent-encoding", percentEncoded(KEY)],
    ["decimal character references", decimalRefs(KEY)],
    ["hex character references", hexRefs(KEY)],
    ["upper-case hex references without semicolons", upperHexRefs(KEY)],
  ])("removes the whole key written with %s, and nothing around it", (_form, written) => {
    expect(redact(written, KEY)).toBe("[redacted]");
    expect(redact(`{"error":"bad key ${written}"}`, KEY)).toBe('{"error":"bad key [redacted]"}');
    expect(redact(`${written} was refused`, KEY)).toBe("[redacted] was refused");
  });

  it("removes a key with only some characters escaped, leaving the text around it exactly as it was", () => {
    // One escaped character in the middle, then one at each end of the key.
    const middle = `${KEY.slice(0, 9)}\\u0061${KEY.slice(10)}`;
    expect(redact(`{"error":"bad key ${middle}","at":"12:00"}`, KEY)).toBe('{"error":"bad key [redacted]","at":"12:00"}');
    const ends = `&#102;${KEY.slice(1, -1)}%68`;
    expect(redact(`a ${ends} b`, KEY)).toBe("a [redacted] b");
    const both = `x\\x66${KEY.slice(1, 11)}&#x2f;${KEY.slice(12, -1)}\\u0068y`;
    expect(redact(both, KEY)).toBe("x[redacted]y");
  });

  it("removes a key whose slashes a JSON encoder wrote as \\/ (PHP's json_encode)", () => {
    const written = KEY.replaceAll("/", "\\/");
    expect(written).toContain("\\/");
    expect(redact(`{"message":"Invalid key ${written}."}`, KEY)).toBe('{"message":"Invalid key [redacted]."}');
    // Other single-character escapes decode too, so a key run cannot hide behind them.
    expect(redact(`key=${KEY.slice(0, 9)}\\a${KEY.slice(10)};`, KEY)).toBe("key=[redacted];");
  });

  it("removes a key encoded twice: a percent-encoding inside a JSON string", () => {
    // "/" → "%2F" → "\u00252F" (the % JSON-escaped), as a proxy that re-encodes an upstream URL might write it.
    const twice = KEY.replace("/", "\\u00252F").replace("+", "%2B");
    expect(redact(`{"url":"https://api.example/contact?key=${twice}&x=1"}`, KEY)).toBe(
      '{"url":"https://api.example/contact?key=[redacted]&x=1"}',
    );
    const allTwice = jsonEscaped(percentEncoded(KEY));
    expect(redact(`<${allTwice}>`, KEY)).toBe("<[redacted]>");
  });

  it("decodes two layers and no more: a key encoded three times is left as written (bounded work on any body)", () => {
    const thrice = percentEncoded(percentEncoded(percentEncoded(KEY)));
    expect(redact(`key=${thrice}`, KEY)).toBe(`key=${thrice}`);
    expect(textHoldsKey(thrice, KEY)).toBe(false);
    // Two layers are found, the same key one layer shallower.
    expect(redact(`key=${percentEncoded(percentEncoded(KEY))}`, KEY)).toBe("key=[redacted]");
  });

  it("removes every occurrence, keeping the text between them", () => {
    expect(redact(`first ${KEY}, then ${KEY}.`, KEY)).toBe("first [redacted], then [redacted].");
    // An escaped occurrence before a plain one: found in different views of the text, redacted in place.
    expect(redact(`a ${jsonEscaped(KEY)} b ${KEY} c ${percentEncoded(KEY)} d`, KEY)).toBe(
      "a [redacted] b [redacted] c [redacted] d",
    );
    expect(redact(`${KEY} | ${KEY} | ${KEY}`, KEY)).toBe("[redacted] | [redacted] | [redacted]");
  });

  it("joins runs that touch or overlap into one [redacted]", () => {
    expect(redact(`${KEY}${KEY}`, KEY)).toBe("[redacted]");
    expect(redact(`${KEY}${jsonEscaped(KEY)}!`, KEY)).toBe("[redacted]!");
    // Two runs from different places in the key, side by side.
    expect(redact(`<${KEY.slice(0, KEY_RUN)}${KEY.slice(-KEY_RUN)}>`, KEY)).toBe("<[redacted]>");
  });

  it("removes any run of KEY_RUN characters of the key (a key cut at a boundary), but no shorter one", () => {
    const cut = KEY.slice(0, KEY_RUN);
    expect(redact(`...${cut}`, KEY)).toBe("...[redacted]");
    expect(redact(`...${KEY.slice(5, 5 + KEY_RUN)}...`, KEY)).toBe("...[redacted]...");
    expect(redact(`...${jsonEscaped(KEY.slice(-KEY_RUN))}`, KEY)).toBe("...[redacted]");
    const shorter = KEY.slice(0, KEY_RUN - 1);
    expect(redact(`prefix ${shorter}`, KEY)).toBe(`prefix ${shorter}`);
  });

  it("redacts a key of four to seven characters whole, and leaves keys under four characters alone", () => {
    expect(redact("pin abcd, again abcd", "abcd")).toBe("pin [redacted], again [redacted]");
    expect(redact("pin \\u0061bcd", "abcd")).toBe("pin [redacted]");
    expect(redact("abc abc", "abc")).toBe("abc abc");
    expect(redact("any text", undefined)).toBe("any text");
    expect(redact("any text", "")).toBe("any text");
  });

  it("keeps a character reference beyond Unicode as written, without throwing", () => {
    expect(redact(`code &#9999999; &#x110000; for ${KEY}`, KEY)).toBe("code &#9999999; &#x110000; for [redacted]");
    expect(textHoldsKey("&#9999999;", KEY)).toBe(false);
  });

  it("redacts exactly the key's characters next to a reference that decodes to itself", () => {
    // &#9999999; is beyond Unicode, so decoding leaves it as it is: no decoded view is made, and
    // only the characters of the key itself are replaced.
    const key = "secret&#99999";
    expect(redact("x secret&#9999999; y", key)).toBe("x [redacted]99; y");
  });

  it("decodes the highest code point, U+10FFFF, like any other", () => {
    const key = "abc\u{10FFFF}defgh";
    expect(redact("[abc&#1114111;defgh]", key)).toBe("[[redacted]]");
    expect(redact("[abc&#x10FFFF;defgh]", key)).toBe("[[redacted]]");
  });

  it("leaves text without the key unchanged, escapes and all", () => {
    const text = '{"error":"nope \\u00e9 %41 &#65; \\n \\\\"}';
    expect(redact(text, KEY)).toBe(text);
    expect(textHoldsKey(text, KEY)).toBe(false);
    expect(textHoldsKey(`bad ${jsonEscaped(KEY)}`, KEY)).toBe(true);
  });
});

describe("holdsKey: the key anywhere a logger could print it", () => {
  const auth = `Bearer ${KEY}`;

  it("finds nothing in a clean error, its headers or a clean Map", () => {
    const error = Object.assign(new Error("fetch failed"), {
      request: new Request("https://api.example/contact", { headers: { accept: "application/json" } }),
      headers: new Headers({ accept: "application/json" }),
      data: new Map([["status", 503]]),
    });
    expect(holdsKey(error, KEY)).toBe(false);
    expect(holdsKey(new Headers({ accept: "application/json" }), KEY)).toBe(false);
    expect(holdsKey({ status: 503, ok: false, list: [1, "two", null, undefined] }, KEY)).toBe(false);
  });

  it("finds the key in a Headers object (which JSON.stringify shows as {}) and in a Map", () => {
    expect(holdsKey(new Headers({ authorization: auth }), KEY)).toBe(true);
    expect(holdsKey({ init: { headers: new Headers({ authorization: auth }) } }, KEY)).toBe(true);
    expect(holdsKey(new Map([["auth", auth]]), KEY)).toBe(true);
  });

  it("finds the key in a value that shows it only as text: a URL", () => {
    const url = new URL(`https://api.example/contact?key=${KEY}`);
    expect(holdsKey(url, KEY)).toBe(true);
    expect(holdsKey(new URL("https://api.example/contact?key=none"), KEY)).toBe(false);
  });

  it("finds the key in a primitive other than a string", () => {
    expect(holdsKey(12345678, "12345678")).toBe(true);
    expect(holdsKey(12345678, "87654321")).toBe(false);
  });

  it("finds the key at the bottom of a chain of eight causes", () => {
    let error = new Error(`refused ${KEY}`);
    for (let level = 0; level < 8; level++) error = new Error(`wrapped ${level}`, { cause: error });
    expect(holdsKey(error, KEY)).toBe(true);
  });

  it("looks into array items as deep as into properties", () => {
    // array → item → headers → entry → value: the Headers are walked, not skipped.
    expect(holdsKey([{ headers: new Headers({ authorization: auth }) }], KEY)).toBe(true);
    expect(holdsKey({ errors: [{ config: { headers: { Authorization: auth } } }] }, KEY)).toBe(true);
  });

  it("walks a value nested far deeper than anyone logs to a bound, without overflowing the stack", () => {
    let deep: Record<string, unknown> = { message: "bottom" };
    for (let level = 0; level < 200_000; level++) deep = { cause: deep };
    expect(() => holdsKey(deep, KEY)).not.toThrow();
    expect(holdsKey(deep, KEY)).toBe(false);
  });

  it("finds the key in an object first met at the depth bound and met again nearer the top", () => {
    const shared = { headers: { authorization: `Bearer ${KEY}` } };
    let chain: Record<string, unknown> = shared;
    for (let level = 0; level < 7; level++) chain = { cause: chain };
    // The cause chain reaches `shared` first, at the bound, where its headers are cut off.
    expect(holdsKey({ cause: chain, config: shared }, KEY)).toBe(true);
    expect(holdsKey({ config: shared }, KEY)).toBe(true);
  });

  it("walks each object once, even one that refers to itself", () => {
    let reads = 0;
    const error = new Error("loop");
    error.cause = error;
    Object.defineProperty(error, "response", {
      get() {
        reads++;
        return error;
      },
    });
    expect(holdsKey(error, KEY)).toBe(false);
    expect(reads).toBe(1);
  });

  it("walks an object two siblings share once, not once per path to it", () => {
    let reads = 0;
    const shared = {};
    Object.defineProperty(shared, "message", {
      get() {
        reads++;
        return "clean";
      },
    });
    expect(holdsKey({ request: shared, response: shared }, KEY)).toBe(false);
    expect(reads).toBe(1);
  });

  it("walks a function's properties like an object's", () => {
    const fetcher = Object.assign(function fetcher() {}, { config: { headers: { Authorization: auth } } });
    expect(holdsKey(fetcher, KEY)).toBe(true);
  });

  it("does not read a method's source (a logger prints [Function]), nor call what only looks like entries()", () => {
    const withMethod = { message: "clean", describe: () => "fiq_live_ab/cd+EF12gh" };
    expect(holdsKey(withMethod, KEY)).toBe(false);
    let called = false;
    const lookalike = {
      entries: {
        call: () => {
          called = true;
          return [auth];
        },
      },
    };
    expect(holdsKey(lookalike, KEY)).toBe(false);
    expect(called).toBe(false);
  });

  it("does not read an absent property as the text 'undefined'", () => {
    // A key that happens to spell "undefined" is not found in every object that lacks a property.
    expect(holdsKey(new Error("request failed"), "undefined-0123")).toBe(false);
    expect(holdsKey({ status: 500 }, "undefined-0123")).toBe(false);
  });

  it("still walks an object whose toString or a getter throws", () => {
    const hostile = (headers: Record<string, string>) => ({
      toString() {
        throw new Error("no");
      },
      get url(): string {
        throw new Error("no");
      },
      headers,
    });
    expect(holdsKey(hostile({ authorization: auth }), KEY)).toBe(true);
    expect(holdsKey(hostile({ accept: "*/*" }), KEY)).toBe(false);
  });
});
