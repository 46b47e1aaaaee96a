/** One hover card as a group knows it: how to close it when another opens. */
export type HoverCardGroupMember = { close: () => void };

/**
 * Hover cards that open one at a time and, once one is open, open the next at once: what a
 * pointer scanning a table's rows needs. Plain state, no React: `ContactHoverCardGroup` makes one
 * per subtree.
 * @example const state = useHoverCardState({ group: createHoverCardGroup() });
 */
export type HoverCardGroup = {
  /** Whether a card opening now should skip its open delay: one is open, or one closed less than `skipDelayMs` ago. */
  skipsDelay: () => boolean;
  /** A member opened: the one open before it closes at the same moment. */
  opened: (member: HoverCardGroupMember) => void;
  /** A member closed (or unmounted while open). */
  closed: (member: HoverCardGroupMember) => void;
};

/**
 * Options of `createHoverCardGroup`: how long it keeps skipping the open delay.
 * @example createHoverCardGroup({ skipDelayMs: 500 })
 */
export type HoverCardGroupOptions = {
  /**
   * How long after the last card closed the next still opens at once; after a longer pause the
   * open delay applies again.
   * @default 300
   */
  skipDelayMs?: number;
};

/**
 * A new delay group (one card open at a time; no open delay while moving between them).
 * @example const group = createHoverCardGroup({ skipDelayMs: 500 });
 */
export function createHoverCardGroup({ skipDelayMs = 300 }: HoverCardGroupOptions = {}): HoverCardGroup {
  let active: HoverCardGroupMember | null = null;
  let closedAt = -Infinity;
  return {
    skipsDelay: () => active !== null || Date.now() - closedAt < skipDelayMs,
    opened(member) {
      if (active === member) return;
      const previous = active;
      active = member;
      previous?.close();
    },
    closed(member) {
      if (active !== member) return;
      active = null;
      closedAt = Date.now();
    },
  };
}
