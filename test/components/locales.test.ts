import { countLabel, defaultContactCardLabels as en, fill, valueLabel, type ContactCardLabels } from "../../src/components/ContactDisplay/labels.js";
import * as locales from "../../src/locales.js";

/** Every text of a label set, by its path ("errors.server.title", "moreTags.one"), walking the plain data. */
function texts(labels: unknown, path = ""): [string, string][] {
  if (typeof labels === "string") return [[path, labels]];
  if (typeof labels !== "object" || labels === null) throw new Error(`${path} is not plain data (${typeof labels})`);
  return Object.entries(labels).flatMap(([key, value]) => texts(value, path ? `${path}.${key}` : key));
}

/** Paths that are not words for a reader: the language tag and the separator. */
const NOT_WORDS = ["language", "separator"];

/**
 * Texts that may stay as in English: brand names, the API's own source type, placeholders only
 * (the contact's own name) and true cognates a native speaker would write (German "Status" and
 * "Online", French "Source").
 */
const SAME_AS_ENGLISH: Record<keyof typeof locales, string[]> = {
  de: ["status", "whatsapp", "sourceTypes.api", "sourceTypes.whatsapp", "sourceTypes.import", "online", "botStatusOther"],
  es: ["whatsapp", "sourceTypes.api", "sourceTypes.whatsapp", "botStatusOther"],
  fr: ["whatsapp", "source", "sourceTypes.api", "sourceTypes.whatsapp"],
  ptBR: ["status", "online", "whatsapp", "sourceTypes.api", "sourceTypes.whatsapp", "botStatusOther"],
  ar: ["sourceTypes.api"],
};

/** Texts that are only a placeholder (the contact's own name or type), the same in every language. */
const PLACEHOLDER_ONLY = ["hoverCardLabel", "sourceTypeOther"];

/** English words (of four letters or more) that are also words of the language. */
const SHARED_WORDS: Record<keyof typeof locales, string[]> = {
  de: ["flowiq", "whatsapp", "status", "online", "import", "chat", "problem", "count"],
  es: ["flowiq", "whatsapp", "chat", "internet", "count"],
  fr: ["flowiq", "whatsapp", "contact", "contacts", "source", "messages", "moment", "internet", "session", "count"],
  ptBR: ["flowiq", "whatsapp", "status", "online", "internet", "count"],
  ar: ["flowiq", "count"],
};

/** Placeholders are names, not words: `{number}`, `{count}`. */
const words = (text: string) => text.replace(/\{\w+\}/g, "").toLowerCase().match(/\p{L}{4,}/gu) ?? [];
const englishWords = new Set(texts(en).flatMap(([path, text]) => (NOT_WORDS.includes(path) ? [] : words(text))));
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe.each(Object.keys(locales) as (keyof typeof locales)[])("the %s label set", (name) => {
  const labels = locales[name];

  it("is plain data a server component can pass to a client one", () => {
    expect(JSON.parse(JSON.stringify(labels))).toEqual(labels);
  });

  it("has every label the components use, and nothing else", () => {
    const paths = (set: ContactCardLabels) => texts(set).map(([path]) => path.replace(/^moreTags\.\w+$/, "moreTags.*"));
    expect([...new Set(paths(labels))].sort()).toEqual([...new Set(paths(en))].sort());
    for (const [path, text] of texts(labels)) expect(text.trim(), path).not.toBe("");
  });

  it("leaves no label in English", () => {
    const english = new Map(texts(en));
    const same = texts(labels)
      .filter(([path, text]) => text === english.get(path) && !NOT_WORDS.includes(path) && !SAME_AS_ENGLISH[name].includes(path) && !PLACEHOLDER_ONLY.includes(path))
      .map(([path]) => path);
    expect(same).toEqual([]);
  });

  it("uses no English word inside a translation", () => {
    const found = texts(labels).flatMap(([path, text]) =>
      words(text)
        .filter((word) => englishWords.has(word) && !SHARED_WORDS[name].includes(word))
        .map((word) => `${path}: ${word}`),
    );
    expect(found).toEqual([]);
  });

  it("keeps every placeholder English has, in every text", () => {
    const english = new Map(texts(en));
    for (const [path, text] of texts(labels)) {
      const model = english.get(path) ?? english.get("moreTags.other")!;
      expect(placeholders(text), path).toEqual(placeholders(model));
    }
  });

  it("tells a refused session from a refused key", () => {
    expect(labels.errors.session_refused.title).not.toBe(labels.errors.unauthorized.title);
    expect(labels.errors.session_refused.sentence).not.toBe(labels.errors.unauthorized.sentence);
  });

  it("reads an unknown bot status as words, by the same rule as English", () => {
    expect(valueLabel(labels.botStatuses, labels.botStatusOther, "status", "human_handover")).toContain("human handover");
    expect(valueLabel(labels.botStatuses, labels.botStatusOther, "status", "constructor")).toContain("constructor");
    expect(valueLabel(labels.botStatuses, labels.botStatusOther, "status", "Active")).toBe(labels.botStatuses.active);
  });
});

describe("English", () => {
  it("names a refused session and a refused key in different words", () => {
    expect(en.errors.session_refused).toEqual({ title: "Your session has ended", sentence: "Sign in again to see this contact." });
    expect(en.errors.unauthorized).toEqual({
      title: "This app's FlowIQ key was refused",
      sentence: "Ask whoever runs this app to check its FlowIQ API key.",
    });
    expect(JSON.stringify(en)).not.toContain("did not accept this app's sign-in");
  });

  it("fills placeholders and leaves an unknown one as written", () => {
    expect(fill("{number} on WhatsApp", { number: "+27" })).toBe("+27 on WhatsApp");
    expect(fill("{nmuber} on WhatsApp", { number: "+27" })).toBe("{nmuber} on WhatsApp");
  });
});

describe("plural-aware +N more", () => {
  it.each([
    ["de", 1, "+1 weiteres"],
    ["de", 2, "+2 weitere"],
    ["fr", 1, "+1 autre"],
    ["fr", 3, "+3 autres"],
    ["ptBR", 1, "+1 outra"],
    ["ptBR", 4, "+4 outras"],
    ["es", 1, "+1 más"],
  ] as const)("%s says %i as %j", (name, count, text) => {
    const labels = locales[name];
    expect(countLabel(labels, labels.moreTags, count)).toBe(text);
  });

  it("gives Arabic its one, two, few, many and other forms", () => {
    const { ar } = locales;
    const forms = [1, 2, 3, 11, 100].map((count) => countLabel(ar, ar.moreTags, count).replace(/^\+\d+ /, ""));
    expect(new Set(forms).size).toBe(4);
    expect(forms[0]).toBe(forms[4]);
  });
});
