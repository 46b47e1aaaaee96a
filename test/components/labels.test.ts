import {
  countLabel,
  defaultContactCardLabels as en,
  readableValue,
  resolveLabels,
  type ContactLabelOverrides,
} from "../../src/components/ContactDisplay/labels.js";

describe("readableValue", () => {
  it("turns a run of underscores or dashes between words into one space, keeping marks at the ends", () => {
    expect(readableValue("human_handover")).toBe("human handover");
    expect(readableValue("human__handover")).toBe("human handover");
    expect(readableValue("csv-_-upload")).toBe("csv upload");
    expect(readableValue("_private_")).toBe("_private_");
  });
});

describe("countLabel", () => {
  it("falls back to English plural rules for a language tag the runtime rejects", () => {
    const labels = { ...en, language: "not a language!" };
    const label = { one: "+{count} more tag", other: "+{count} more tags" };
    expect(countLabel(labels, label, 1)).toBe("+1 more tag");
    expect(countLabel(labels, label, 3)).toBe("+3 more tags");
    // Asked again, the fallback it remembered still answers.
    expect(countLabel(labels, label, 1)).toBe("+1 more tag");
  });
});

describe("countLabel's plural rules", () => {
  it("are made once per language, not once per count: a page of cards asks thousands of times", () => {
    const Original = Intl.PluralRules;
    let made = 0;
    Object.defineProperty(Intl, "PluralRules", {
      value: new Proxy(Original, {
        construct: (target, args: [string?]) => {
          made += 1;
          return new target(...args);
        },
      }),
      configurable: true,
      writable: true,
    });
    try {
      const labels = { ...en, language: "sw" };
      const label = { one: "+{count} zaidi (1)", other: "+{count} zaidi" };
      expect(countLabel(labels, label, 1)).toBe("+1 zaidi (1)");
      expect(countLabel(labels, label, 2)).toBe("+2 zaidi");
      expect(countLabel(labels, label, 3)).toBe("+3 zaidi");
      expect(made).toBe(1);
    } finally {
      Object.defineProperty(Intl, "PluralRules", { value: Original, configurable: true, writable: true });
    }
  });
});

describe("resolveLabels", () => {
  it("merges an error's title on its own, keeping its sentence and the other errors", () => {
    const labels = resolveLabels({ errors: { network: { title: "Offline" } } });
    expect(labels.errors.network).toEqual({ title: "Offline", sentence: en.errors.network.sentence });
    expect(labels.errors.server).toEqual(en.errors.server);
  });

  it("adds plural forms English does not have, which then count", () => {
    const labels = resolveLabels({ language: "ru", moreTags: { one: "ещё {count} тег", few: "ещё {count} тега", other: "ещё {count} тегов" } });
    expect(countLabel(labels, labels.moreTags, 1)).toBe("ещё 1 тег");
    expect(countLabel(labels, labels.moreTags, 3)).toBe("ещё 3 тега");
    expect(countLabel(labels, labels.moreTags, 5)).toBe("ещё 5 тегов");
  });

  it("keeps what is below for null, at any level, rather than throwing", () => {
    const labels = resolveLabels({
      errors: null,
      moreTags: null,
      botStatuses: { paused: null },
      phone: null,
    } as unknown as ContactLabelOverrides);
    expect(labels).toEqual(en);
    expect(resolveLabels({ errors: { network: null, server: { title: null } } } as unknown as ContactLabelOverrides)).toEqual(en);
  });

  it("adds no entry for an undefined one: the result holds texts only", () => {
    const labels = resolveLabels({ moreTags: { one: undefined, other: "+{count} weitere" }, botStatuses: { paused: undefined } });
    expect(Object.keys(labels.moreTags)).toEqual(["other"]);
    expect(labels.moreTags.other).toBe("+{count} weitere");
    expect(labels.botStatuses).toEqual(en.botStatuses);
  });

  it("ignores a __proto__ key from parsed JSON: the labels keep a plain prototype", () => {
    const fromJson = JSON.parse('{"__proto__": {"injected": "yes"}, "loading": "Laden…"}') as ContactLabelOverrides;
    const labels = resolveLabels(fromJson);
    expect(labels.loading).toBe("Laden…");
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect("injected" in labels).toBe(false);
  });

  it("merges two levels deep and no further: anything below an error's title and sentence is taken as given", () => {
    // Labels from JSON can hold keys the library does not know; they pass through as they are.
    const first = JSON.parse('{"errors": {"network": {"title": "A", "extra": {"a": "1"}}}, "custom": {"x": null}}') as ContactLabelOverrides;
    const second = JSON.parse('{"errors": {"network": {"extra": {"b": "2"}}}}') as ContactLabelOverrides;
    const labels = resolveLabels(first, second) as unknown as {
      errors: { network: { title: string; extra: unknown } };
      custom: unknown;
    };
    expect(labels.errors.network.title).toBe("A");
    expect(labels.errors.network.extra).toStrictEqual({ b: "2" });
    expect(labels.custom).toBe((first as { custom: unknown }).custom);
    expect(labels.custom).toStrictEqual({ x: null });
  });
});
