"use client";
import { createContext, useContext, useState, type ReactNode } from "react";
import { createHoverCardGroup, type HoverCardGroup } from "./hoverCardGroup.js";

const HoverCardGroupContext = createContext<HoverCardGroup | null>(null);

/** The delay group of the nearest `ContactHoverCardGroup`, else null (each card on its own). */
export function useHoverCardGroup(): HoverCardGroup | null {
  return useContext(HoverCardGroupContext);
}

/**
 * Props of `ContactHoverCardGroup`: how long the group keeps skipping the open delay.
 * @example <ContactHoverCardGroup skipDelayMs={500}><ContactTable /></ContactHoverCardGroup>
 */
export type ContactHoverCardGroupProps = {
  /**
   * How long after the last card closed the next still opens at once; after a longer pause the
   * open delay applies again.
   * @default 300
   */
  skipDelayMs?: number;
  children?: ReactNode;
};

/**
 * Makes the `ContactHoverCard`s below it one delay group, for a table or an inbox: once one
 * card is open, moving to another trigger opens that one at once and closes the first at the
 * same moment; after a pause with no card open, the open delay applies again. Without a group,
 * every card waits its `openDelay`.
 * @example
 * <ContactHoverCardGroup>
 *   <table>{rows.map((row) => <tr key={row.id}><td><ContactHoverCard phoneNumber={row.phone} /></td></tr>)}</table>
 * </ContactHoverCardGroup>
 */
export function ContactHoverCardGroup({ skipDelayMs, children }: ContactHoverCardGroupProps) {
  // One group for the provider's life; skipDelayMs is read when it is made.
  const [group] = useState(() => createHoverCardGroup({ skipDelayMs }));
  // .Provider rather than the context itself, which React 18 cannot render.
  return <HoverCardGroupContext.Provider value={group}>{children}</HoverCardGroupContext.Provider>;
}
