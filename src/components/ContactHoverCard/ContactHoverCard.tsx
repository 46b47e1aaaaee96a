"use client";
import { autoUpdate, computePosition, flip, offset, shift, type Placement } from "@floating-ui/dom";
import { Slot } from "@radix-ui/react-slot";
import {
  isValidElement,
  useEffect,
  useId,
  useRef,
  type FocusEvent,
  type HTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
} from "react";
import type { ContactLookup } from "../../core/types.js";
import { contactQueryOptions } from "../../react/contactQueryOptions.js";
import { useFlowIQContext } from "../../react/FlowIQContext.js";
import { useContact } from "../../react/useContact.js";
import { ContactCard } from "../ContactCard/ContactCard.js";
import type { ContactCardDisplayProps } from "../ContactCard/ContactCardView.js";
import { shownLookup, text } from "../ContactDisplay/format.js";
import { fill } from "../ContactDisplay/labels.js";
import { ContactChip } from "../ContactChip/ContactChip.js";
import { splitDisplayProps, useContactDisplay } from "../ContactDisplay/useContactDisplay.js";
import type { ContactLookupProps } from "../ContactLookupProps.js";
import { useHoverCardGroup } from "./ContactHoverCardGroup.js";
import { useHoverCardState, type HoverCardStateOptions } from "./useHoverCardState.js";

/** The card's own display props (not its div attributes), passed to the card in the popover. */
type CardDisplayProps = Omit<ContactCardDisplayProps, keyof HTMLAttributes<HTMLDivElement>> & {
  /**
   * Extra classes for the card in the popover, added after `fiq-card`.
   * @default undefined
   */
  className?: string;
};

/**
 * Props of `ContactHoverCard`: the number or WhatsApp id to look up, the trigger, the delays and
 * placement, open state (its own, or the app's), and how the card in the popover looks.
 * @example <ContactHoverCard phoneNumber={row.phone} openDelay={300} placement="right-start" />
 */
export type ContactHoverCardProps = CardDisplayProps &
  Pick<HoverCardStateOptions, "open" | "defaultOpen" | "onOpenChange"> & {
  /**
   * The trigger's content, inside a button the hover card draws; with `asChild`, the trigger itself.
   * @default <ContactChip> for the same lookup
   * @example <ContactHoverCard phoneNumber={row.phone}>{row.name}</ContactHoverCard>
   */
  children?: ReactNode;
  /**
   * Use the single child element (a link or a button: it must be focusable) as the trigger
   * instead of wrapping the children in a button; it gets `aria-expanded` and `aria-controls`,
   * and its own handlers and ref still run. A tap on a link trigger opens the card rather than
   * following the link; a second tap, with the card open, follows it.
   * @default false
   * @example <ContactHoverCard phoneNumber={phone} asChild><a href={`/contacts/${id}`}>{name}</a></ContactHoverCard>
   */
  asChild?: boolean;
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
   * Where the card opens beside the trigger; it flips and shifts to stay in the viewport.
   * @default "bottom-start"
   */
  placement?: Placement;
} & ContactLookupProps;

type PopoverProps = HTMLAttributes<HTMLDivElement> & {
  id: string;
  popoverRef: RefObject<HTMLDivElement | null>;
  lookup: ContactLookup;
  card: CardDisplayProps;
};

/** The popover and its card, mounted only while open; named by the contact's name once it is known. */
function HoverCardPopover({ id, popoverRef, lookup, card, ...handlers }: PopoverProps) {
  const { data } = useContact(lookup);
  const [options] = splitDisplayProps(card);
  const { labels, formatPhone } = useContactDisplay(options);
  const name = text(data?.full_name) ?? shownLookup(lookup, formatPhone).shown ?? "";
  return (
    // The stylesheet puts it where Floating UI says; tabIndex -1 keeps a click inside the card from counting as leaving it.
    <div
      {...handlers}
      ref={popoverRef}
      id={id}
      popover="manual"
      role="dialog"
      aria-label={fill(labels.hoverCardLabel, { name })}
      tabIndex={-1}
      className="fiq-hovercard__popover"
      data-part="hover-card-popover"
    >
      <ContactCard {...card} {...lookup} />
    </div>
  );
}

/** Whether focus or a pointer went somewhere outside both nodes (null: the window lost focus, which is not leaving). */
function leftBoth(next: EventTarget | null, ...nodes: (Element | null)[]): boolean {
  return next instanceof Node && !nodes.some((node) => node?.contains(next));
}

/**
 * A contact's card in a popover beside a trigger (by default the contact's `ContactChip`),
 * as GitHub and Linear show people: it opens when the pointer rests on the trigger, when the
 * trigger has keyboard focus, or on a tap or click; it stays open while the pointer moves into
 * the card, and closes on Escape (focus back on the trigger), a click outside, or when focus and
 * pointer have left both. The contact is prefetched as soon as the pointer or focus arrives.
 * Nothing of the popover exists until it first opens. Control it with `open` and `onOpenChange`;
 * put many in a `ContactHoverCardGroup` to move between them without the delay. Display props
 * (labels, `formatPhone`, locale, time zone, `maxTags`) reach both the trigger and the card, else
 * the nearest `ContactDisplayProvider`'s do. Needs a `<FlowIQProvider>`.
 * @example <ContactHoverCard phoneNumber="+27 12 345 6789" maxTags={3} />
 */
export function ContactHoverCard(props: ContactHoverCardProps) {
  const {
    phoneNumber,
    whatsappId,
    children,
    asChild = false,
    openDelay,
    closeDelay,
    placement = "bottom-start",
    open: openProp,
    defaultOpen,
    onOpenChange,
    ...card
  } = props;
  const lookup = { phoneNumber, whatsappId } as ContactLookup;
  const { client, queryClient } = useFlowIQContext("ContactHoverCard");
  const id = useId();
  const state = useHoverCardState({ open: openProp, defaultOpen, onOpenChange, openDelay, closeDelay, group: useHoverCardGroup() });
  const { open } = state;
  const trigger = useRef<HTMLElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  /** How the last press began, so a tap on a link can open the card instead of following it. */
  const pointerType = useRef("");

  const prefetch = () => {
    // Fresh data (a chip already showing this contact) makes no request: the query's staleTime decides.
    void queryClient.prefetchQuery(contactQueryOptions(client, lookup));
  };
  const escape = () => {
    // Focus goes back to the trigger first, while the card is still open, so the trigger's focus does not open it again.
    if (popover.current?.contains(document.activeElement)) trigger.current?.focus();
    state.dismiss();
  };

  // While open: Escape and a press outside close it.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) escape();
    };
    const onPointerDown = (event: globalThis.PointerEvent) => {
      if (leftBoth(event.target, trigger.current, popover.current)) state.dismiss();
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
    // escape reads refs and the stable state callbacks only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, state]);

  // In the top layer (never clipped by a table or a scroll container), placed beside the trigger
  // and kept there while anything scrolls or resizes. Position goes through the CSSOM, which a
  // strict Content-Security-Policy allows, never through a style attribute in the markup.
  useEffect(() => {
    const element = popover.current;
    const anchor = trigger.current;
    if (!open || !element || !anchor) return;
    element.showPopover?.();
    const stop = autoUpdate(anchor, element, () => {
      void computePosition(anchor, element, {
        strategy: "fixed",
        placement,
        middleware: [offset(8), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        element.style.left = `${x}px`;
        element.style.top = `${y}px`;
      });
    });
    return () => {
      stop();
      if (element.isConnected) element.hidePopover?.();
    };
  }, [open, placement]);

  const hover = {
    onPointerEnter(event: PointerEvent) {
      // A touch has no hover: a tap is a click, handled below.
      if (event.pointerType === "touch") return;
      prefetch();
      state.hoverStart();
    },
    onPointerLeave(event: PointerEvent) {
      if (event.pointerType !== "touch") state.hoverEnd();
    },
  };
  const triggerProps = {
    ref: trigger,
    "aria-expanded": open,
    "aria-controls": id,
    "aria-haspopup": "dialog" as const,
    ...hover,
    onPointerDown(event: PointerEvent) {
      pointerType.current = event.pointerType;
    },
    onFocus() {
      prefetch();
      state.focusIn();
    },
    onBlur(event: FocusEvent) {
      if (leftBoth(event.relatedTarget, trigger.current, popover.current)) state.focusOut();
    },
    onClick(event: MouseEvent) {
      const tap = pointerType.current === "touch";
      pointerType.current = "";
      if ((event.currentTarget as Element).closest("a[href]")) {
        // A mouse or keyboard follows the link; a first tap shows the card instead (touch has no hover).
        if (!tap || open) return;
        event.preventDefault();
      }
      state.press();
    },
    onKeyDown(event: KeyboardEvent) {
      // Escape before the delay has run out: the card should not open after all.
      if (event.key === "Escape" && !open) state.dismiss();
    },
  };
  const [display] = splitDisplayProps(card);
  const triggerElement =
    asChild && isValidElement(children) ? (
      <Slot {...triggerProps}>{children}</Slot>
    ) : (
      <button type="button" className="fiq-hovercard__trigger" {...triggerProps} ref={trigger as RefObject<HTMLButtonElement>}>
        {children ?? <ContactChip {...lookup} {...display} />}
      </button>
    );

  return (
    <span className="fiq-hovercard" data-part="hover-card" data-state={open ? "open" : "closed"}>
      {triggerElement}
      {open && (
        <HoverCardPopover
          id={id}
          popoverRef={popover}
          lookup={lookup}
          card={card}
          {...hover}
          onBlur={(event: FocusEvent) => {
            if (leftBoth(event.relatedTarget, trigger.current, popover.current)) state.focusOut();
          }}
        />
      )}
    </span>
  );
}
