export { ContactChip } from "./ContactChip.js";
export type { ContactChipProps } from "./ContactChip.js";
export { ContactChipView } from "./ContactChipView.js";
export type { ContactChipViewProps, ContactChipDisplayProps } from "./ContactChipView.js";
