/**
 * Prop-table fixes for the display props shared by the card components:
 * react-docgen-typescript shows a quoted JSDoc `@default` escaped twice ("\"en-US\"").
 */
export const displayArgTypes = {
  locale: { table: { defaultValue: { summary: '"en-US"' } } },
  timeZone: { table: { defaultValue: { summary: '"UTC"' } } },
  actions: { control: false },
  labels: { control: "object" },
} as const;
