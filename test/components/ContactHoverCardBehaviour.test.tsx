// ContactHoverCard: the keys and presses it listens to (and only while open), where Floating UI
// puts it, how it treats the popover API, and its delay group. A warm cache and fake setTimeout,
// so time is all that moves (as in ContactHoverCard.test.tsx).
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement, ReactNode } from "react";
import { ContactHoverCard } from "../../src/components/ContactHoverCard/ContactHoverCard.js";
import { ContactHoverCardGroup } from "../../src/components/ContactHoverCard/ContactHoverCardGroup.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { clientHolding, renderWithProvider, stubPopoverApiInEachTest } from "../utils.js";

const PHONE = "+27 12 345 6789";
const SIPHO = "+27 82 555 0123";
const thandi = buildContact({ full_name: "Thandi Nkosi" });
const sipho = buildContact({ full_name: "Sipho Dlamini", phone_number: "+27825550123" });

stubPopoverApiInEachTest();
afterEach(() => {
  vi.useRealTimers();
});

const cachedClient = () => clientHolding({ [PHONE]: thandi, [SIPHO]: sipho });

function renderCached(ui: ReactElement = <ContactHoverCard phoneNumber={PHONE} />, fake: ("setTimeout" | "clearTimeout" | "Date")[] = ["setTimeout", "clearTimeout"]) {
  if (fake.length) vi.useFakeTimers({ toFake: fake });
  const rendered = renderWithProvider(page(ui), { queryClient: cachedClient() });
  return { ...rendered, rerender: (next: ReactElement) => rendered.rerender(page(next)) };
}

function page(ui: ReactElement) {
  return (
    <main>
      <span>Assigned to</span>
      {ui}
      <button type="button">Reply</button>
    </main>
  );
}

const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const trigger = () => screen.getByRole("button", { name: /^Thandi Nkosi/ });
const dialog = () => screen.queryByRole("dialog");
const hover = (element: Element) => fireEvent.pointerOver(element, { pointerType: "mouse" });
const focus = (element: HTMLElement) => act(() => element.focus());
const popoverPart = () => document.querySelector<HTMLElement>('[data-part="hover-card-popover"]');

describe("ContactHoverCard's trigger keys before the card opens", () => {
  it("drops the pending opening on Escape, so the card does not open after all", () => {
    renderCached();
    focus(trigger());
    advance(300);
    fireEvent.keyDown(trigger(), { key: "Escape" });
    advance(5000);
    expect(dialog()).toBeNull();
    expect(trigger()).toHaveAttribute("aria-expanded", "false");
  });

  it("lets other keys on the trigger leave the pending opening alone", () => {
    renderCached();
    focus(trigger());
    advance(300);
    fireEvent.keyDown(trigger(), { key: "Shift" });
    fireEvent.keyDown(trigger(), { key: "a" });
    advance(200);
    expect(dialog()).not.toBeNull();
  });

  it("drops every pending opening on Escape when both the pointer and focus asked for one", () => {
    renderCached();
    hover(trigger());
    advance(100);
    focus(trigger());
    advance(100);
    fireEvent.keyDown(trigger(), { key: "Escape" });
    advance(5000);
    expect(dialog()).toBeNull();
  });
});

describe("ContactHoverCard's document listeners", () => {
  const kinds = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map(([type]) => type).filter((type) => type === "keydown" || type === "pointerdown");

  it("adds none while closed, two while open, and takes them away when it closes", () => {
    const add = vi.spyOn(document, "addEventListener");
    const remove = vi.spyOn(document, "removeEventListener");
    renderCached(
      <>
        {Array.from({ length: 20 }, (_, index) => (
          <ContactHoverCard key={index} phoneNumber={PHONE}>{`Row ${index}`}</ContactHoverCard>
        ))}
        <ContactHoverCard phoneNumber={PHONE} />
      </>,
    );
    expect(kinds(add)).toEqual([]);
    fireEvent.pointerDown(trigger(), { pointerType: "mouse" });
    fireEvent.click(trigger());
    expect(dialog()).not.toBeNull();
    expect(kinds(add).sort()).toEqual(["keydown", "pointerdown"]);
    const [keydown, pointerdown] = ["keydown", "pointerdown"].map((type) => add.mock.calls.find(([kind]) => kind === type)![1]);
    fireEvent.pointerDown(screen.getByText("Assigned to"), { pointerType: "mouse" });
    expect(dialog()).toBeNull();
    expect(remove.mock.calls.filter(([type]) => type === "keydown" || type === "pointerdown").map(([type, listener]) => [type, listener])).toEqual([
      ["keydown", keydown],
      ["pointerdown", pointerdown],
    ]);
  });

  it("closes on Escape only: other keys, and an Escape a control inside already handled, leave it open", () => {
    renderCached();
    fireEvent.click(trigger());
    for (const key of ["a", "Enter", "Tab", "ArrowDown"]) fireEvent.keyDown(document.body, { key });
    expect(dialog()).not.toBeNull();
    const handled = new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true });
    handled.preventDefault();
    act(() => {
      document.body.dispatchEvent(handled);
    });
    expect(dialog()).not.toBeNull();
    fireEvent.keyDown(document.body, { key: "Escape" });
    expect(dialog()).toBeNull();
  });

  it("leaves focus where it is on Escape when focus is outside the card", () => {
    renderCached();
    const reply = screen.getByRole("button", { name: "Reply" });
    focus(reply);
    hover(trigger());
    advance(500);
    expect(dialog()).not.toBeNull();
    fireEvent.keyDown(reply, { key: "Escape" });
    expect(dialog()).toBeNull();
    expect(reply).toHaveFocus();
  });

  it("closes on Escape from inside the card when its asChild trigger takes no ref", () => {
    // A link component of the app's that passes on only href and children (so no ref, no handlers).
    function TextLink({ href, children }: { href?: string; children?: ReactNode }) {
      return <a href={href}>{children}</a>;
    }
    renderCached(
      <ContactHoverCard phoneNumber={PHONE} asChild defaultOpen>
        <TextLink href="/contacts/thandi">Thandi&apos;s profile</TextLink>
      </ContactHoverCard>,
    );
    // Unplaced without its anchor, the popover is not shown (so jsdom hides it): found by its part.
    const link = popoverPart()!.querySelector<HTMLElement>('a[href^="tel:"]')!;
    focus(link);
    expect(link).toHaveFocus();
    fireEvent.keyDown(link, { key: "Escape" });
    expect(popoverPart()).toBeNull();
  });
});

describe("ContactHoverCard closing by itself", () => {
  it("throws nothing for an Escape pressed as its close delay runs out, between the popover's removal and its listeners'", async () => {
    renderCached();
    hover(trigger());
    advance(500);
    expect(dialog()).not.toBeNull();
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener("error", onError);
    // Pressed the moment the popover leaves the document: React removes the document listeners a little later.
    let pressed = false;
    const watch = new MutationObserver(() => {
      if (pressed || popoverPart()) return;
      pressed = true;
      fireEvent.keyDown(document.body, { key: "Escape" });
    });
    watch.observe(document.body, { childList: true, subtree: true });
    const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    // The close runs as a browser runs it, outside act, so React schedules its own work.
    env.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      fireEvent.pointerOut(trigger(), { pointerType: "mouse", relatedTarget: document.body });
      vi.advanceTimersByTime(300);
      vi.useRealTimers();
      await vi.waitFor(() => expect(pressed).toBe(true));
    } finally {
      env.IS_REACT_ACT_ENVIRONMENT = true;
      watch.disconnect();
      window.removeEventListener("error", onError);
    }
    expect(errors).toEqual([]);
    expect(trigger()).toHaveAttribute("aria-expanded", "false");
  });
});

describe("ContactHoverCard's trigger and root", () => {
  it("wraps an element child in its own button unless asChild is set", () => {
    renderCached(
      <ContactHoverCard phoneNumber={PHONE}>
        <span className="who">Thandi</span>
      </ContactHoverCard>,
    );
    const button = screen.getByRole("button", { name: "Thandi" });
    expect(button).toHaveClass("fiq-hovercard__trigger");
    expect(button.querySelector("span.who")).not.toBeNull();
    expect(button).toHaveAttribute("aria-haspopup", "dialog");
  });

  it("says on its root whether the card is open", () => {
    const { container } = renderCached();
    const root = container.querySelector('[data-part="hover-card"]')!;
    expect(root).toHaveAttribute("data-state", "closed");
    fireEvent.click(trigger());
    expect(root).toHaveAttribute("data-state", "open");
  });

  it("names itself when used outside a FlowIQProvider", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<ContactHoverCard phoneNumber={PHONE} />)).toThrow(/^ContactHoverCard must be used inside <FlowIQProvider>/);
  });
});

describe("ContactHoverCard's popover", () => {
  it("is not a tab stop of its own: Tab goes trigger, then the card's first control", async () => {
    renderCached(<ContactHoverCard phoneNumber={PHONE} defaultOpen />, []);
    const user = userEvent.setup();
    await user.tab();
    expect(trigger()).toHaveFocus();
    await user.tab();
    expect(within(dialog()!).getByRole("link", { name: "+27123456789" })).toHaveFocus();
  });

  it("is named by nothing more than the label when there is nothing to look up", () => {
    renderCached(<ContactHoverCard phoneNumber="" labels={{ hoverCardLabel: "Card for [{name}]" }} defaultOpen />);
    expect(screen.getByRole("dialog")).toHaveAttribute("aria-label", "Card for []");
  });

  it("opens and closes in a browser without the popover API", () => {
    // Taken away here and put back after, whatever stand-in an earlier file left in this environment.
    const proto = HTMLElement.prototype as Partial<Pick<HTMLElement, "showPopover" | "hidePopover">>;
    const saved = { showPopover: proto.showPopover, hidePopover: proto.hidePopover };
    delete proto.showPopover;
    delete proto.hidePopover;
    try {
      expect(HTMLElement.prototype.showPopover).toBeUndefined();
      const { rerender } = renderCached(<ContactHoverCard phoneNumber={PHONE} />);
      fireEvent.click(trigger());
      // Without the API, jsdom's stylesheet keeps the popover hidden: found by its part.
      expect(popoverPart()).toHaveAttribute("aria-label", "Thandi Nkosi");
      rerender(<ContactHoverCard phoneNumber={PHONE} placement="top" />);
      expect(popoverPart()).not.toBeNull();
      fireEvent.click(trigger());
      expect(popoverPart()).toBeNull();
      expect(trigger()).toHaveAttribute("aria-expanded", "false");
    } finally {
      if (saved.showPopover) proto.showPopover = saved.showPopover;
      if (saved.hidePopover) proto.hidePopover = saved.hidePopover;
    }
  });

  it("shows the popover once, hides it before showing it again for a new placement, and never touches it once removed", () => {
    // As a strict browser does: InvalidStateError for showing a popover that shows, or hiding one that does not.
    const showing = new WeakSet<Element>();
    const refuse = () => new DOMException("Invalid on popover elements in this state", "InvalidStateError");
    // Set by hand, not spied: the file's afterEach takes the stub away, and a spy restored after that would put it back.
    const proto = HTMLElement.prototype;
    const stubbed = { show: proto.showPopover, hide: proto.hidePopover };
    proto.showPopover = function (this: HTMLElement) {
      if (!this.isConnected || showing.has(this)) throw refuse();
      showing.add(this);
      this.style.display = "block";
    };
    proto.hidePopover = function (this: HTMLElement) {
      if (!this.isConnected || !showing.has(this)) throw refuse();
      showing.delete(this);
      this.style.removeProperty("display");
    };
    try {
      const windowAdd = vi.spyOn(window, "addEventListener");
      const windowRemove = vi.spyOn(window, "removeEventListener");
      const { rerender } = renderCached(<ContactHoverCard phoneNumber={PHONE} />);
      fireEvent.click(trigger());
      const popover = screen.getByRole("dialog", { name: "Thandi Nkosi" });
      expect(showing.has(popover)).toBe(true);
      rerender(<ContactHoverCard phoneNumber={PHONE} placement="top-end" />);
      expect(showing.has(popover)).toBe(true);
      fireEvent.click(trigger());
      expect(dialog()).toBeNull();
      // Floating UI's listeners (resize, scroll) go with the card.
      const positioning = (calls: unknown[][]) => calls.filter(([type]) => type === "scroll" || type === "resize").map(([type, listener]) => [type, listener]);
      const added = positioning(windowAdd.mock.calls);
      const removed = positioning(windowRemove.mock.calls);
      expect(added.length).toBeGreaterThan(0);
      for (const pair of added) expect(removed).toContainEqual(pair);
    } finally {
      proto.showPopover = stubbed.show;
      proto.hidePopover = stubbed.hide;
    }
  });
});

describe("ContactHoverCard's position", () => {
  type Box = { x: number; y: number; width: number; height: number };
  const rect = ({ x, y, width, height }: Box) => ({ x, y, width, height, left: x, top: y, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRect;

  /** A 1000×800 viewport, the page scrolled down by `scrollY`, the trigger at `at` (viewport coordinates), a 200×100 card. */
  function layout(at: Box, scrollY = 0) {
    const html = document.documentElement;
    vi.spyOn(html, "clientWidth", "get").mockReturnValue(1000);
    vi.spyOn(html, "clientHeight", "get").mockReturnValue(800);
    vi.spyOn(html, "getBoundingClientRect").mockReturnValue(rect({ x: 0, y: -scrollY, width: 1000, height: 3000 }));
    vi.spyOn(window, "scrollY", "get").mockReturnValue(scrollY);
    vi.spyOn(window, "pageYOffset", "get").mockReturnValue(scrollY);
    const isCard = (element: HTMLElement) => element.matches('[data-part="hover-card-popover"]');
    vi.spyOn(HTMLElement.prototype, "offsetWidth", "get").mockImplementation(function (this: HTMLElement) {
      return isCard(this) ? 200 : 0;
    });
    vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockImplementation(function (this: HTMLElement) {
      return isCard(this) ? 100 : 0;
    });
    vi.spyOn(trigger(), "getBoundingClientRect").mockReturnValue(rect(at));
  }

  async function openAt(at: Box, scrollY = 0) {
    renderCached(<ContactHoverCard phoneNumber={PHONE} />, []);
    layout(at, scrollY);
    fireEvent.click(trigger());
    const popover = screen.getByRole("dialog", { name: "Thandi Nkosi" });
    await waitFor(() => expect(popover.style.left).not.toBe(""));
    return popover;
  }
  const at = (popover: HTMLElement) => [popover.style.left, popover.style.top];

  it("opens 8 px below the trigger's start by default, in viewport coordinates on a scrolled page", async () => {
    const popover = await openAt({ x: 100, y: 50, width: 80, height: 20 }, 400);
    expect(at(popover)).toEqual(["100px", "78px"]);
  });

  it("flips above a trigger near the viewport's bottom, keeping 8 px from the edge", async () => {
    // Below, the card would end exactly at the viewport's edge: inside it, but not 8 px inside.
    const popover = await openAt({ x: 100, y: 672, width: 80, height: 20 });
    expect(at(popover)).toEqual(["100px", "564px"]);
  });

  it("shifts left of a trigger near the viewport's right edge, keeping 8 px from it", async () => {
    // A trigger 8 px wide, 2 px from the edge: the card fits neither start nor end aligned, so it is shifted.
    const popover = await openAt({ x: 990, y: 50, width: 8, height: 20 });
    expect(at(popover)).toEqual(["792px", "78px"]);
  });
});

describe("ContactHoverCards in a ContactHoverCardGroup", () => {
  function renderTable(skipDelayMs?: number) {
    renderCached(
      <ContactHoverCardGroup skipDelayMs={skipDelayMs}>
        <ContactHoverCard phoneNumber={PHONE} />
        <ContactHoverCard phoneNumber={SIPHO} />
      </ContactHoverCardGroup>,
      ["setTimeout", "clearTimeout", "Date"],
    );
    return { thandiRow: trigger(), siphoRow: screen.getByRole("button", { name: /^Sipho Dlamini/ }) };
  }
  const leave = (element: Element) => fireEvent.pointerOut(element, { pointerType: "mouse", relatedTarget: document.body });
  const names = () => screen.queryAllByRole("dialog").map((node) => node.getAttribute("aria-label"));

  it("makes the first card of a group wait its open delay", () => {
    const { thandiRow } = renderTable();
    hover(thandiRow);
    advance(499);
    expect(names()).toEqual([]);
    advance(1);
    expect(names()).toEqual(["Thandi Nkosi"]);
  });

  it("keeps skipping the delay for skipDelayMs after the last card closed", () => {
    const { thandiRow, siphoRow } = renderTable(1000);
    hover(thandiRow);
    advance(500);
    leave(thandiRow);
    advance(300);
    expect(names()).toEqual([]);
    advance(600);
    hover(siphoRow);
    expect(names()).toEqual(["Sipho Dlamini"]);
  });

  it("counts a card pinned by a click as the open one: the next opens at once and closes it", () => {
    const { thandiRow, siphoRow } = renderTable();
    hover(thandiRow);
    advance(500);
    fireEvent.pointerDown(thandiRow, { pointerType: "mouse" });
    fireEvent.click(thandiRow);
    advance(1000);
    expect(names()).toEqual(["Thandi Nkosi"]);
    hover(siphoRow);
    expect(names()).toEqual(["Sipho Dlamini"]);
    advance(1000);
    expect(names()).toEqual(["Sipho Dlamini"]);
  });
});
