import { readableValue } from "../components/ContactCard/labels.js";

/** A label for a count, chosen by the language's plural rules (`one`, `few`, `many`, …), else `other`. */
export function plural(
  locale: string,
  forms: Partial<Record<Intl.LDMLPluralRule, (count: number) => string>> & { other: (count: number) => string },
): (count: number) => string {
  let rules: Intl.PluralRules | undefined;
  return (count) => {
    // Made on first use, so importing one language costs nothing for the others.
    rules ??= new Intl.PluralRules(locale);
    return (forms[rules.select(count)] ?? forms.other)(count);
  };
}

/** A known API value's label, else the fallback; own keys only, so "constructor" is just a value. */
export function known(table: Record<string, string>, value: string, fallback: (value: string) => string): string {
  const key = value.toLowerCase();
  return Object.hasOwn(table, key) ? (table[key] as string) : fallback(readableValue(value));
}
