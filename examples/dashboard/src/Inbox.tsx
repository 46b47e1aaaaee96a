import { ContactChip, ContactHoverCard } from "@flowiq/react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useRef, type KeyboardEvent, type RefObject } from "react";
import { fullTime, shortTime, type Conversation } from "./conversations.js";

/** Every row is this tall (app.css says so too), so the virtualizer never has to measure one. */
export const ROW_HEIGHT = 52;
/** Rows drawn beyond each edge of the screen, so a short scroll shows no gap. */
const OVERSCAN = 3;

const rowId = (index: number) => `conversation-row-${index}`;

type RowProps = {
  conversation: Conversation;
  index: number;
  start: number;
  selected: boolean;
  onPick: (index: number) => void;
};

/** One conversation: the contact as a chip (hover it for the card), the last message, when, and how many unread. */
const ConversationRow = memo(function ConversationRow({ conversation, index, start, selected, onPick }: RowProps) {
  const { whatsappId, lastMessage, fromUs, at, unread } = conversation;
  return (
    <div
      role="row"
      id={rowId(index)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className="inbox__row"
      data-unread={unread > 0 || undefined}
      // Positioned through the CSSOM (React sets element.style), which a strict CSP allows.
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onPick(index)}
    >
      <div role="gridcell" className="inbox__cell inbox__contact">
        {/* The chip fetches the contact (batched with the other rows on screen); the card in the popover reads it from the cache. */}
        <ContactHoverCard whatsappId={whatsappId} maxTags={4} asChild>
          {/* One tab stop for the whole list (arrow keys move through it), so the trigger is focusable but not tabbable. */}
          <span role="button" tabIndex={-1} className="inbox__trigger">
            <ContactChip whatsappId={whatsappId} />
          </span>
        </ContactHoverCard>
      </div>
      <div role="gridcell" className="inbox__cell inbox__message">
        {fromUs && <span className="inbox__you">You: </span>}
        {lastMessage}
      </div>
      <div role="gridcell" className="inbox__cell inbox__time">
        <time dateTime={new Date(at).toISOString()} title={fullTime(at)}>
          {shortTime(at)}
        </time>
      </div>
      <div role="gridcell" className="inbox__cell inbox__unread">
        {unread > 0 && (
          <span className="inbox__badge">
            {unread}
            <span className="sr-only"> unread</span>
          </span>
        )}
      </div>
    </div>
  );
});

type InboxProps = {
  conversations: Conversation[];
  unread: number;
  selected: number;
  onSelect: (index: number) => void;
  /** A click on a row. */
  onPick: (index: number) => void;
  /** Enter on the list: show the selected conversation's panel and move focus there. */
  onOpen: () => void;
  gridRef: RefObject<HTMLDivElement | null>;
};

/**
 * The conversation list: a grid of 10,000 rows of which only those on screen (and a
 * few either side) exist, via TanStack Virtual. One tab stop; arrow keys, Page Up/Down,
 * Home and End move the selection, Enter opens it, Space shows its contact's hover card.
 */
export function Inbox({ conversations, unread, selected, onSelect, onPick, onOpen, gridRef }: InboxProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // Its functions are read during render and never memoised here, which is all the React Compiler's warning is about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const rows = virtualizer.getVirtualItems();
  const selectedDrawn = rows.some((row) => row.index === selected);

  const moveTo = (index: number) => {
    const next = Math.min(conversations.length - 1, Math.max(0, index));
    onSelect(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };
  /** Space: focus the selected row's contact, which opens its hover card as a hover does. */
  const showContact = () => {
    const trigger = document.getElementById(rowId(selected))?.querySelector<HTMLElement>(".inbox__trigger");
    trigger?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(selected + 1),
      ArrowUp: () => moveTo(selected - 1),
      PageDown: () => moveTo(selected + page),
      PageUp: () => moveTo(selected - page),
      Home: () => moveTo(0),
      End: () => moveTo(conversations.length - 1),
      Enter: onOpen,
      " ": showContact,
      // From a row's contact (after Space), Escape closes its card and comes back to the list.
      Escape: () => {},
    };
    const move = moves[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape" && event.target === event.currentTarget) return;
    event.preventDefault();
    // Keys pressed on a row's contact move the list's selection, with focus back on the list.
    if (event.target !== event.currentTarget && event.key !== " ") gridRef.current?.focus();
    move();
  };

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <div className="inbox__toolbar">
        <h1 id="inbox-title" className="inbox__title">
          Inbox
        </h1>
        <p className="inbox__count">
          {conversations.length.toLocaleString("en-US")} conversations · {unread.toLocaleString("en-US")} unread
        </p>
      </div>
      <div
        ref={gridRef}
        role="grid"
        aria-labelledby="inbox-title"
        aria-rowcount={conversations.length + 1}
        aria-colcount={4}
        // The selected row, while it is drawn; it is scrolled back into view by the next key.
        aria-activedescendant={selectedDrawn ? rowId(selected) : undefined}
        tabIndex={0}
        className="inbox__grid"
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className="inbox__head">
          <div role="row" aria-rowindex={1} className="inbox__row inbox__row--head">
            <div role="columnheader" className="inbox__cell">
              Contact
            </div>
            <div role="columnheader" className="inbox__cell">
              Last message
            </div>
            <div role="columnheader" className="inbox__cell inbox__time">
              Received
            </div>
            <div role="columnheader" className="inbox__cell inbox__unread">
              Unread
            </div>
          </div>
        </div>
        {/*
          Not a tab stop of its own (Chromium makes a scroller focusable): the grid above is the list's one, and scrolls it.
          Being focusable, it is the rows' group itself, so the grid still holds only row groups.
        */}
        <div ref={scroller} role="rowgroup" className="inbox__scroller" data-testid="inbox-scroller" tabIndex={-1}>
          <div role="none" className="inbox__body" style={{ blockSize: `${virtualizer.getTotalSize()}px` }}>
            {rows.map((row) => (
              <ConversationRow
                key={row.key}
                conversation={conversations[row.index] as Conversation}
                index={row.index}
                start={row.start}
                selected={row.index === selected}
                onPick={onPick}
              />
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
