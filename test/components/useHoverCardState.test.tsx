import { act, renderHook } from "@testing-library/react";
import { createHoverCardGroup, type HoverCardGroup } from "../../src/components/ContactHoverCard/hoverCardGroup.js";
import { useHoverCardState, type HoverCardStateOptions } from "../../src/components/ContactHoverCard/useHoverCardState.js";

// The hook alone: no markup, no DOM events, only its calls and fake time.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));

function card(options: HoverCardStateOptions = {}) {
  const onOpenChange = vi.fn();
  // A rerender's props go on top of the first ones, as a parent re-rendering with a new `open` does.
  const hook = renderHook((props: HoverCardStateOptions) => useHoverCardState({ onOpenChange, ...options, ...props }), { initialProps: {} });
  const call = (action: (state: ReturnType<typeof useHoverCardState>) => void) => act(() => action(hook.result.current));
  return { hook, onOpenChange, call, isOpen: () => hook.result.current.open };
}

describe("useHoverCardState's delays", () => {
  it("opens openDelay after hover starts, and not before", () => {
    const { call, isOpen, onOpenChange } = card({ openDelay: 500 });
    call((s) => s.hoverStart());
    advance(499);
    expect(isOpen()).toBe(false);
    advance(1);
    expect(isOpen()).toBe(true);
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(true);
  });

  it("closes closeDelay after hover ends, unless hover comes back first", () => {
    const { call, isOpen } = card({ defaultOpen: true, closeDelay: 300 });
    call((s) => s.hoverEnd());
    advance(200);
    call((s) => s.hoverStart());
    advance(1000);
    expect(isOpen()).toBe(true);
    call((s) => s.hoverEnd());
    advance(300);
    expect(isOpen()).toBe(false);
  });

  it("keeps the open and close timers apart: leaving the trigger for the card does not restart the open delay", () => {
    const { call, isOpen } = card({ openDelay: 500, closeDelay: 300 });
    call((s) => s.hoverStart());
    advance(500);
    // Trigger left, card entered (two calls, as the two elements report them).
    call((s) => s.hoverEnd());
    call((s) => s.hoverStart());
    advance(300);
    expect(isOpen()).toBe(true);
    // Entering again while a close is pending only cancels it; it never schedules a reopening.
    expect(vi.getTimerCount()).toBe(0);
  });

  it("drops a pending opening on hoverEnd and on dismiss", () => {
    const { call, isOpen } = card();
    call((s) => s.hoverStart());
    call((s) => s.hoverEnd());
    advance(1000);
    expect(isOpen()).toBe(false);
    call((s) => s.focusIn());
    call((s) => s.dismiss());
    advance(1000);
    expect(isOpen()).toBe(false);
  });

  it("leaves no timer behind when unmounted", () => {
    const { call, hook } = card();
    call((s) => s.hoverStart());
    expect(vi.getTimerCount()).toBe(1);
    hook.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("useHoverCardState's presses", () => {
  it("opens and pins on a press; the next press closes", () => {
    const { call, isOpen } = card();
    call((s) => s.press());
    expect(isOpen()).toBe(true);
    call((s) => s.press());
    expect(isOpen()).toBe(false);
  });

  it("pins a card that hover opened, rather than closing it", () => {
    const { call, isOpen } = card({ openDelay: 0 });
    call((s) => s.hoverStart());
    expect(isOpen()).toBe(true);
    call((s) => s.press());
    expect(isOpen()).toBe(true);
    call((s) => s.press());
    expect(isOpen()).toBe(false);
  });
});

describe("useHoverCardState controlled by the app", () => {
  it("follows open and only asks through onOpenChange", () => {
    const { hook, call, isOpen, onOpenChange } = card({ open: false, openDelay: 100 });
    call((s) => s.hoverStart());
    advance(100);
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(true);
    // The app has not said yes yet.
    expect(isOpen()).toBe(false);
    hook.rerender({ open: true });
    expect(isOpen()).toBe(true);
    call((s) => s.dismiss());
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(isOpen()).toBe(true);
    hook.rerender({ open: false });
    expect(isOpen()).toBe(false);
  });

  it("starts open with defaultOpen and reports changes", () => {
    const { call, isOpen, onOpenChange } = card({ defaultOpen: true });
    expect(isOpen()).toBe(true);
    call((s) => s.setOpen(false));
    expect(isOpen()).toBe(false);
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
  });
});

describe("useHoverCardState in a delay group", () => {
  function twoCards(group: HoverCardGroup) {
    return [card({ group, openDelay: 500, closeDelay: 300 }), card({ group, openDelay: 500, closeDelay: 300 })] as const;
  }

  it("opens the next card at once while one is open, and closes the first at the same moment", () => {
    const [first, second] = twoCards(createHoverCardGroup());
    first.call((s) => s.hoverStart());
    advance(500);
    expect(first.isOpen()).toBe(true);
    // The pointer moves down a row: off the first trigger, onto the second.
    first.call((s) => s.hoverEnd());
    second.call((s) => s.hoverStart());
    expect(second.isOpen()).toBe(true);
    expect(first.isOpen()).toBe(false);
    expect(first.onOpenChange).toHaveBeenLastCalledWith(false);
  });

  it("applies the delay again after a pause with no card open", () => {
    const [first, second] = twoCards(createHoverCardGroup({ skipDelayMs: 300 }));
    first.call((s) => s.hoverStart());
    advance(500);
    first.call((s) => s.hoverEnd());
    advance(300); // closed now
    advance(300); // and a pause
    second.call((s) => s.hoverStart());
    expect(second.isOpen()).toBe(false);
    advance(500);
    expect(second.isOpen()).toBe(true);
  });

  it("still skips the delay just after the last card closed", () => {
    const [first, second] = twoCards(createHoverCardGroup({ skipDelayMs: 300 }));
    first.call((s) => s.hoverStart());
    advance(500);
    first.call((s) => s.hoverEnd());
    advance(300);
    expect(first.isOpen()).toBe(false);
    advance(100);
    second.call((s) => s.hoverStart());
    expect(second.isOpen()).toBe(true);
  });

  it("lets only one card be open, also when the app opens one", () => {
    const group = createHoverCardGroup();
    const first = card({ group, defaultOpen: false });
    first.call((s) => s.setOpen(true));
    const second = card({ group, open: false });
    second.hook.rerender({ open: true });
    expect(first.isOpen()).toBe(false);
  });

  it("makes no card wait for a group member that unmounted while open", () => {
    const group = createHoverCardGroup({ skipDelayMs: 0 });
    const first = card({ group, openDelay: 0 });
    first.call((s) => s.hoverStart());
    first.hook.unmount();
    const second = card({ group, openDelay: 500 });
    second.call((s) => s.hoverStart());
    expect(second.isOpen()).toBe(false);
  });
});

describe("useHoverCardState's pin, as the app and the card change it", () => {
  it("forgets the pin when the card closes, also when the app then opens it on its own", () => {
    const { hook, call, isOpen, onOpenChange } = card({ open: false });
    call((s) => s.press());
    hook.rerender({ open: true });
    call((s) => s.dismiss());
    hook.rerender({ open: false });
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
    // The app opens it from a button of its own; a press on the trigger now pins it rather than closing it.
    hook.rerender({ open: true });
    call((s) => s.press());
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
    expect(isOpen()).toBe(true);
  });

  it("keeps the pin when asked to open a card that is already open", () => {
    const { call, isOpen } = card();
    call((s) => s.press());
    call((s) => s.setOpen(true));
    call((s) => s.press());
    expect(isOpen()).toBe(false);
  });

  it("tells the app nothing when a press pins a card hover already opened", () => {
    const { call, isOpen, onOpenChange } = card({ openDelay: 0 });
    call((s) => s.hoverStart());
    call((s) => s.press());
    call((s) => s.setOpen(true));
    expect(isOpen()).toBe(true);
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(true);
    call((s) => s.dismiss());
    call((s) => s.dismiss());
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
  });
});

describe("useHoverCardState controlled, then not", () => {
  it("keeps its own state untouched by the requests the app turned down", () => {
    const { hook, call, isOpen, onOpenChange } = card({ open: false, openDelay: 0 });
    call((s) => s.hoverStart());
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(true);
    // The app said no, and then stops controlling the card: it is as the card last had it, closed.
    hook.rerender({ open: undefined });
    expect(isOpen()).toBe(false);
  });
});

describe("useHoverCardState's close timer", () => {
  it("sets none when the pointer leaves a closed card, so a close cannot land after the app opens it", () => {
    const { hook, call, isOpen, onOpenChange } = card({ open: false, closeDelay: 300 });
    // The pointer passes over the trigger on its way elsewhere.
    call((s) => s.hoverStart());
    call((s) => s.hoverEnd());
    // The app opens the card from a button of its own.
    hook.rerender({ open: true });
    advance(1000);
    expect(onOpenChange).not.toHaveBeenCalled();
    expect(isOpen()).toBe(true);
  });

  it("keeps one close pending when the pointer leaves twice, which a return cancels", () => {
    const { call, isOpen } = card({ defaultOpen: true, closeDelay: 300 });
    call((s) => s.hoverEnd());
    advance(200);
    call((s) => s.hoverEnd());
    advance(50);
    call((s) => s.hoverStart());
    advance(1000);
    expect(isOpen()).toBe(true);
  });
});
