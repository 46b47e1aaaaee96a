"use client";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { HoverCardGroup, HoverCardGroupMember } from "./hoverCardGroup.js";

/**
 * Options of `useHoverCardState`: open state (controlled or its own), the delays, and a delay group.
 * @example const state = useHoverCardState({ open, onOpenChange: setOpen, openDelay: 300 });
 */
export type HoverCardStateOptions = {
  /**
   * Whether the card is open, for an app that controls it; leave out to let the card keep its own state.
   * @default undefined (uncontrolled)
   */
  open?: boolean;
  /**
   * Whether an uncontrolled card starts open.
   * @default false
   */
  defaultOpen?: boolean;
  /** Called whenever the card asks to open or close (hover, focus, a press, Escape, another card of its group opening). */
  onOpenChange?: (open: boolean) => void;
  /**
   * Milliseconds the pointer rests on the trigger (or focus stays on it) before the card opens.
   * @default 500
   */
  openDelay?: number;
  /**
   * Milliseconds after the pointer has left both trigger and card before the card closes.
   * @default 300
   */
  closeDelay?: number;
  /**
   * The delay group this card belongs to (one open at a time; no open delay while moving between them).
   * @default null (on its own)
   */
  group?: HoverCardGroup | null;
};

/**
 * What a hover card's trigger and popover call; each is stable across renders.
 * @example <button onFocus={state.focusIn} onClick={state.press} aria-expanded={state.open} />
 */
export type HoverCardState = {
  open: boolean;
  /** Opens or closes now, dropping any pending delay. */
  setOpen: (open: boolean) => void;
  /** The pointer arrived on the trigger or the card: keeps an open card open, opens a closed one after the delay (at once within a group that has one open). */
  hoverStart: () => void;
  /** The pointer left the trigger or the card: a pending opening is dropped, an open card closes after the close delay. */
  hoverEnd: () => void;
  /** The trigger got keyboard focus: opens after the delay, as a hover does. */
  focusIn: () => void;
  /** Focus left both trigger and card: closes now. */
  focusOut: () => void;
  /** A click or tap on the trigger: opens and pins a closed (or hover-opened) card, closes a pinned one. */
  press: () => void;
  /** Escape, or a press outside: closes now, and drops a pending opening. */
  dismiss: () => void;
};

/**
 * The behaviour of a hover card, apart from its markup: open state (controlled with `open` and
 * `onOpenChange`, or its own from `defaultOpen`), the open and close delays on two timers of
 * their own, a click that pins the card open, and a delay group. Touches no DOM, so it is tested
 * with fake timers alone. Timers are cleared on unmount.
 * @example
 * const state = useHoverCardState({ openDelay: 300 });
 * <button onPointerEnter={state.hoverStart} onPointerLeave={state.hoverEnd} onClick={state.press} />
 */
export function useHoverCardState({
  open: controlled,
  defaultOpen = false,
  onOpenChange,
  openDelay = 500,
  closeDelay = 300,
  group = null,
}: HoverCardStateOptions = {}): HoverCardState {
  const [own, setOwn] = useState(defaultOpen);
  const open = controlled ?? own;
  // The latest props, for the machine's callbacks (kept in step before any event can run).
  const settings = useRef<Settings>({ open, controlled, onOpenChange, openDelay, closeDelay, group, setOwn });
  useSettingsEffect(() => {
    settings.current = { open, controlled, onOpenChange, openDelay, closeDelay, group, setOwn };
  });
  // The machine reads settings.current only in event handlers and timers, never while rendering.
  // eslint-disable-next-line react-hooks/refs
  const [machine] = useState(() => createMachine(settings));

  // An app that opens or closes a controlled card tells its group too.
  useEffect(() => {
    if (!group) return;
    if (open) group.opened(machine.member);
    else group.closed(machine.member);
  }, [open, group, machine]);

  // Unmounting: no timer left to fire, and the group no longer counts this card as open.
  useEffect(() => () => machine.stop(), [machine]);

  return useMemo(() => ({ open, ...machine.actions }), [open, machine]);
}

// Layout effect in the browser (settings are current before the next event); a no-op concern on the server.
const useSettingsEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

type Settings = Required<Pick<HoverCardStateOptions, "openDelay" | "closeDelay">> & {
  open: boolean;
  controlled: boolean | undefined;
  onOpenChange: ((open: boolean) => void) | undefined;
  group: HoverCardGroup | null;
  setOwn: (open: boolean) => void;
};

/** The timers and rules, made once per card; reads the latest props through `settings`. */
function createMachine(settings: { current: Settings }) {
  let opening: ReturnType<typeof setTimeout> | undefined;
  let closing: ReturnType<typeof setTimeout> | undefined;
  /** Opened by a press, so the next press closes it (a press on a hover-opened card pins it instead). */
  let pinned = false;

  const stopTimers = () => {
    clearTimeout(opening);
    clearTimeout(closing);
    opening = closing = undefined;
  };
  // Asks for a new state: the group and the app hear it, and an uncontrolled card takes it.
  const change = (next: boolean) => {
    stopTimers();
    if (!next) pinned = false;
    const current = settings.current;
    if (next) current.group?.opened(member);
    else current.group?.closed(member);
    if (next === current.open) return;
    // Seen at once by a second call in the same event, before React renders.
    current.open = next;
    if (current.controlled === undefined) current.setOwn(next);
    current.onOpenChange?.(next);
  };
  const member: HoverCardGroupMember = { close: () => change(false) };
  const openSoon = () => {
    clearTimeout(closing);
    closing = undefined;
    const { open, openDelay, group } = settings.current;
    if (open || opening !== undefined) return;
    if (openDelay <= 0 || group?.skipsDelay()) change(true);
    else opening = setTimeout(() => change(true), openDelay);
  };
  const actions: Omit<HoverCardState, "open"> = {
    setOpen: change,
    hoverStart: openSoon,
    focusIn: openSoon,
    hoverEnd() {
      clearTimeout(opening);
      opening = undefined;
      if (!settings.current.open || closing !== undefined) return;
      closing = setTimeout(() => change(false), settings.current.closeDelay);
    },
    focusOut: () => change(false),
    press() {
      if (settings.current.open && pinned) change(false);
      else {
        change(true);
        pinned = true;
      }
    },
    dismiss: () => change(false),
  };
  return {
    member,
    actions,
    stop() {
      stopTimers();
      settings.current.group?.closed(member);
    },
  };
}
