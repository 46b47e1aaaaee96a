import { defaultContactCardLabels as en, type ContactCardLabels } from "../../src/components/ContactDisplay/labels.js";
import * as locales from "../../src/locales.js";

type Key = keyof ContactCardLabels;

/** What each function label is given here: every case that reads differently (unknown API values are the API's words, checked below). */
const SAMPLES: Partial<Record<Key, unknown[][]>> = {
  notFound: [["+27 12 345 6789"]],
  botStatus: [["active"], ["paused"], ["inactive"]],
  whatsappLink: [["+27 12 345 6789"]],
  copy: [["+27 12 345 6789"]],
  moreTags: [[1], [2], [3], [11], [100]],
  sourceType: [["api"], ["whatsapp"], ["import"]],
  summaryUpdated: [["11.12.2025"]],
  retryingIn: [["1:45", 105]],
  hoverCardLabel: [["+27 12 345 6789"]],
};

/** Every text a label set can show, by key. */
function texts(labels: ContactCardLabels): [string, string][] {
  return (Object.keys(en) as Key[]).flatMap((key) => {
    const value = labels[key] as string | ((...args: unknown[]) => string);
    if (typeof value === "string") return [[key, value]];
    return (SAMPLES[key] ?? [[]]).map((args): [string, string] => [`${key}(${args.join(", ")})`, value(...args)]);
  });
}

/**
 * Texts that may stay as in English: brand names, the API's own source type, and true
 * cognates a native speaker would write (German "Status" and "Online", French "Source").
 */
const SAME_AS_ENGLISH: Record<keyof typeof locales, string[]> = {
  de: ["status", "whatsapp", "sourceType(api)", "sourceType(whatsapp)", "sourceType(import)", "online"],
  es: ["whatsapp", "sourceType(api)", "sourceType(whatsapp)"],
  fr: ["whatsapp", "source", "sourceType(api)", "sourceType(whatsapp)"],
  ptBR: ["status", "online", "whatsapp", "sourceType(api)", "sourceType(whatsapp)"],
  ar: ["sourceType(api)"],
};

/** Texts that are the contact's own (a hover card named by the number), the same in every language. */
const CONTACTS_OWN = ["hoverCardLabel(+27 12 345 6789)"];

/** English words (of four letters or more) that are also words of the language. */
const SHARED_WORDS: Record<keyof typeof locales, string[]> = {
  de: ["flowiq", "whatsapp", "status", "online", "import", "chat", "problem"],
  es: ["flowiq", "whatsapp", "chat", "internet"],
  fr: ["flowiq", "whatsapp", "contact", "contacts", "source", "messages", "moment", "internet"],
  ptBR: ["flowiq", "whatsapp", "status", "online", "internet"],
  ar: ["flowiq"],
};

const englishWords = new Set(
  texts(en).flatMap(([, text]) => text.toLowerCase().match(/\p{L}{4,}/gu) ?? []),
);

describe.each(Object.keys(locales) as (keyof typeof locales)[])("the %s label set", (name) => {
  const labels = locales[name];

  it("has every label the card uses, and nothing else", () => {
    expect(Object.keys(labels).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of texts(labels)) expect(text.trim(), key).not.toBe("");
  });

  it("leaves no label in English", () => {
    const english = new Map(texts(en));
    const same = texts(labels)
      .filter(([key, text]) => text === english.get(key) && !SAME_AS_ENGLISH[name].includes(key) && !CONTACTS_OWN.includes(key))
      .map(([key]) => key);
    expect(same).toEqual([]);
  });

  it("uses no English word inside a translation", () => {
    const found = texts(labels).flatMap(([key, text]) =>
      (text.toLowerCase().match(/\p{L}{4,}/gu) ?? [])
        .filter((word) => englishWords.has(word) && !SHARED_WORDS[name].includes(word))
        .map((word) => `${key}: ${word}`),
    );
    expect(found).toEqual([]);
  });

  it("keeps the number it is given in the WhatsApp link's name and the copy button's", () => {
    expect(labels.whatsappLink("+27 12 345 6789")).toContain("+27 12 345 6789");
    expect(labels.copy("+27 12 345 6789")).toContain("+27 12 345 6789");
    expect(labels.moreTags(7)).toContain("7");
  });

  it("reads an unknown bot status as words, not as the API's value", () => {
    expect(labels.botStatus("human_handover")).toContain("human handover");
    expect(labels.botStatus("constructor")).toContain("constructor");
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
    expect(locales[name].moreTags(count)).toBe(text);
  });

  it("gives Arabic its one, two, few, many and other forms", () => {
    const forms = [1, 2, 3, 11, 100].map((count) => locales.ar.moreTags(count).replace(/^\+\d+ /, ""));
    expect(new Set(forms).size).toBe(4);
    expect(forms[0]).toBe(forms[4]);
  });
});
