import { ContactCard } from "@flowiq/react";
import type { RefObject } from "react";
import { fullTime, type Conversation } from "./conversations.js";

type Props = {
  conversation: Conversation;
  panelRef: RefObject<HTMLElement | null>;
  onClose: () => void;
};

/** The selected conversation's contact, in full, beside the list (over it on a narrow screen). */
export function ConversationPanel({ conversation, panelRef, onClose }: Props) {
  return (
    <aside
      ref={panelRef}
      className="panel"
      aria-labelledby="panel-title"
      tabIndex={-1}
      onKeyDown={(event) => {
        // Escape goes back to the list (an open hover card handles its own Escape first).
        if (event.key === "Escape" && !event.defaultPrevented) onClose();
      }}
    >
      <div className="panel__head">
        <h2 id="panel-title" className="panel__title">
          Contact
        </h2>
        <button type="button" className="panel__back" onClick={onClose}>
          Back to inbox
        </button>
      </div>
      {/* The row's chip asked for this contact already: the card reads it from the cache. */}
      <ContactCard whatsappId={conversation.whatsappId} headingLevel={3} maxTags={5} className="panel__card" />
      <section className="panel__section" aria-labelledby="conversation-title">
        <h3 id="conversation-title" className="panel__subtitle">
          Last message
        </h3>
        <p className={conversation.fromUs ? "panel__message panel__message--ours" : "panel__message"}>
          {conversation.fromUs && <span className="panel__you">You: </span>}
          {conversation.lastMessage}
        </p>
        <p className="panel__meta">
          <time dateTime={new Date(conversation.at).toISOString()}>{fullTime(conversation.at)}</time>
          {conversation.unread > 0 && ` · ${conversation.unread} unread`}
        </p>
      </section>
    </aside>
  );
}
