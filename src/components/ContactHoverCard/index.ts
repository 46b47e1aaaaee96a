export { ContactHoverCard } from "./ContactHoverCard.js";
export type { ContactHoverCardProps } from "./ContactHoverCard.js";
