"use client";
import { autoUpdate, computePosition, flip, offset, shift, type Placement } from "@floating-ui/dom";
import {
  cloneElement,
  isValidElement,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type HTMLAttributes,
  type ReactElement,
  type ReactNode,
  type RefObject,
} from "react";
import type { ContactLookup } from "../../core/types.js";
import { clientRetryDefaults } from "../../react/clientRetryDefaults.js";
import { contactQueryOptions } from "../../react/contactQueryOptions.js";
import { useFlowIQContext } from "../../react/FlowIQContext.js";
import { useContact } from "../../react/useContact.js";
import { ContactCard } from "../ContactCard/ContactCard.js";
import type { ContactCardDisplayProps } from "../ContactCard/ContactCardView.js";
import { phoneDigits, text } from "../ContactDisplay/format.js";
import { ContactChip } from "../ContactChip/ContactChip.js";
import { useContactDisplay } from "../ContactDisplay/useContactDisplay.js";
import type { ContactLookupProps } from "../ContactLookupProps.js";

/** The card's own display props (not its div attributes), passed to the card in the popover. */
type CardDisplayProps = Omit<ContactCardDisplayProps, keyof HTMLAttributes<HTMLDivElement>> & {
  /**
   * Extra classes for the card in the popover, added after `fiq-card`.
   * @default undefined
   */
  className?: string;
};

export type ContactHoverCardProps = CardDisplayProps & {
  /**
   * The trigger's content, inside a button the hover card draws; with `asChild`, the trigger itself.
   * @default <ContactChip> for the same lookup
   * @example <ContactHoverCard phoneNumber={row.phone}>{row.name}</ContactHoverCard>
   */
  children?: ReactNode;
  /**
   * Use the single child element (a link or a button: it must be focusable) as the trigger
   * instead of wrapping the children in a button; it gets `aria-expanded` and `aria-controls`.
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

type PopoverProps = {
  id: string;
  popoverRef: RefObject<HTMLDivElement | null>;
  lookup: ContactLookup;
  /** The lookup as the caller wrote it. */
  raw: string;
  card: CardDisplayProps;
};

/** The popover and its card, mounted only while open; named by the contact's name once it is known. */
function HoverCardPopover({ id, popoverRef, lookup, raw, card }: PopoverProps) {
  const { data } = useContact(lookup);
  const { labels, formatPhone } = useContactDisplay(card);
  const digits = phoneDigits(raw);
  const name = text(data?.full_name) ?? (digits ? formatPhone(digits) : raw);
  return (
    // The stylesheet puts it where Floating UI says; tabIndex -1 keeps a click inside the card from counting as leaving it.
    <div
      ref={popoverRef}
      id={id}
      popover="manual"
      role="dialog"
      aria-label={labels.hoverCardLabel(name)}
      tabIndex={-1}
      className="fiq-hovercard__popover"
      data-part="hover-card-popover"
    >
      <ContactCard {...card} {...lookup} />
    </div>
  );
}

/**
 * A contact's card in a popover beside a trigger (by default the contact's `ContactChip`),
 * as GitHub and Linear show people: it opens when the pointer rests on the trigger, when the
 * trigger has keyboard focus, or on a tap or click; it stays open while the pointer moves into
 * the card, and closes on Escape (focus back on the trigger), a click outside, or when focus and
 * pointer have left both. The contact is prefetched as soon as the pointer or focus arrives.
 * Nothing of the popover exists until it first opens. Display props (labels, `formatPhone`, locale,
 * time zone, `maxTags`) reach both the trigger and the card, else the nearest
 * `ContactDisplayProvider`'s do. Needs a `<FlowIQProvider>`.
 * @example <ContactHoverCard phoneNumber="+27 12 345 6789" maxTags={3} />
 */
export function ContactHoverCard(props: ContactHoverCardProps) {
  const {
    phoneNumber,
    whatsappId,
    children,
    asChild = false,
    openDelay = 500,
    closeDelay = 300,
    placement = "bottom-start",
    ...card
  } = props;
  const lookup = { phoneNumber, whatsappId } as ContactLookup;
  const { config, queryClient } = useFlowIQContext("ContactHoverCard");
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** Opened by a click or tap, so the next one closes it. */
  const pinned = useRef(false);

  const inPopover = (node: EventTarget | null) => !!popover.current?.contains(node as Node | null);
  const later = (action: () => void, ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(action, ms);
  };
  const show = () => setOpen(true);
  // Stable: the document listeners below use it.
  const close = useCallback(() => {
    clearTimeout(timer.current);
    pinned.current = false;
    // Focus inside the card would fall to <body> when the card unmounts. (The trigger's focus
    // handler still sees the card open, so this does not schedule a reopening.)
    if (popover.current?.contains(document.activeElement)) (root.current?.firstElementChild as HTMLElement | null)?.focus();
    setOpen(false);
  }, []);
  const prefetch = () => {
    // Fresh data (a chip already showing this contact) makes no request: the query's staleTime decides.
    void queryClient.prefetchQuery(contactQueryOptions(config, lookup, clientRetryDefaults(queryClient)));
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  // While open: Escape and a press outside close it.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) close();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close();
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open, close]);

  // In the top layer (never clipped by a table or a scroll container), placed beside the trigger
  // and kept there while anything scrolls or resizes. Position goes through the CSSOM, which a
  // strict Content-Security-Policy allows, never through a style attribute in the markup.
  useEffect(() => {
    const element = popover.current;
    const anchor = root.current?.firstElementChild;
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

  const triggerProps = { "aria-expanded": open, "aria-controls": id, "aria-haspopup": "dialog" as const };
  const triggerElement =
    asChild && isValidElement(children) ? (
      cloneElement(children as ReactElement<Record<string, unknown>>, triggerProps)
    ) : (
      <button type="button" className="fiq-hovercard__trigger" {...triggerProps}>
        {children ?? <ContactChip {...lookup} labels={card.labels} formatPhone={card.formatPhone} />}
      </button>
    );

  return (
    // Events from the trigger and from the card (a DOM child, though drawn in the top layer) both
    // reach this wrapper, so "the pointer left" means it left both, with the gap between them
    // bridged by closeDelay.
    <span
      ref={root}
      className="fiq-hovercard"
      data-part="hover-card"
      data-state={open ? "open" : "closed"}
      onPointerEnter={(event) => {
        // A touch has no hover: a tap is a click, handled below.
        if (event.pointerType === "touch") return;
        prefetch();
        if (open) clearTimeout(timer.current);
        else later(show, openDelay);
      }}
      onPointerLeave={(event) => {
        if (event.pointerType === "touch") return;
        if (open) later(close, closeDelay);
        else clearTimeout(timer.current);
      }}
      onFocus={(event) => {
        if (inPopover(event.target)) return;
        prefetch();
        if (!open) later(show, openDelay);
      }}
      onBlur={(event) => {
        const next = event.relatedTarget;
        // null: the window lost focus, or the focused node went away; neither means the user moved on.
        if (!next || root.current?.contains(next as Node)) return;
        if (open) close();
        else clearTimeout(timer.current);
      }}
      onClick={(event) => {
        if (inPopover(event.target)) return;
        clearTimeout(timer.current);
        if (open && pinned.current) close();
        else {
          pinned.current = true;
          setOpen(true);
        }
      }}
      onKeyDown={(event) => {
        // Escape before the delay has run out: the card should not open after all.
        if (event.key === "Escape" && !open) clearTimeout(timer.current);
      }}
    >
      {triggerElement}
      {open && <HoverCardPopover id={id} popoverRef={popover} lookup={lookup} raw={phoneNumber ?? whatsappId ?? ""} card={card} />}
    </span>
  );
}
