export { ContactCard } from "./ContactCard.js";
export type { ContactCardProps } from "./ContactCard.js";
export { ContactCardView } from "./ContactCardView.js";
export type { ContactCardViewProps, ContactCardDisplayProps } from "./ContactCardView.js";
export { ContactCardSkeleton } from "./ContactCardSkeleton.js";
export type { ContactCardSkeletonProps } from "./ContactCardSkeleton.js";
export { defaultContactCardLabels } from "./labels.js";
export type { ContactCardLabels } from "./labels.js";
