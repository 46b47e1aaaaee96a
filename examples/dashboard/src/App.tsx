import { useCallback, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { ConversationPanel } from "./ConversationPanel.js";
import { generateConversations, type Conversation } from "./conversations.js";
import { Inbox } from "./Inbox.js";
import { useRequestTally } from "./requestMeter.js";

const CONVERSATIONS = generateConversations();
const UNREAD = CONVERSATIONS.filter((conversation) => conversation.unread > 0).length;
/** Below this width the panel covers the list (app.css has the same breakpoint). */
const NARROW = "(max-width: 60rem)";

function RequestMeter() {
  const { requests, contacts, perMinute } = useRequestTally();
  return (
    <p className="app__meter" title="Requests this page made to /api/flowiq: with batch on, one request carries up to 50 contacts.">
      <span className="app__meter-label">Contacts API</span> {requests.toLocaleString("en-US")} {requests === 1 ? "request" : "requests"} ·{" "}
      {contacts.toLocaleString("en-US")} {contacts === 1 ? "contact" : "contacts"} · <span data-testid="per-minute">{perMinute.toLocaleString("en-US")}</span>/min
    </p>
  );
}

export function App() {
  const [selected, setSelected] = useState(0);
  // On a narrow screen the panel covers the list, so it shows only once a conversation is opened.
  const [open, setOpen] = useState(false);
  const grid = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLElement>(null);

  const openConversation = useCallback(() => {
    flushSync(() => setOpen(true));
    panel.current?.focus();
  }, []);
  const pick = useCallback(
    (index: number) => {
      setSelected(index);
      if (matchMedia(NARROW).matches) openConversation();
    },
    [openConversation],
  );
  const closeConversation = () => {
    setOpen(false);
    grid.current?.focus();
  };

  return (
    <div className="app">
      <header className="app__bar">
        <span className="app__logo" aria-hidden="true" />
        <span className="app__brand">FlowIQ</span>
        <span className="app__workspace">Acme Support</span>
        <RequestMeter />
      </header>
      <div className="app__body" data-open={open || undefined}>
        <Inbox
          conversations={CONVERSATIONS}
          unread={UNREAD}
          selected={selected}
          onSelect={setSelected}
          onPick={pick}
          onOpen={openConversation}
          gridRef={grid}
        />
        <ConversationPanel conversation={CONVERSATIONS[selected] as Conversation} panelRef={panel} onClose={closeConversation} />
      </div>
    </div>
  );
}
