"use client";
import { useEffect, type ReactNode } from "react";
import { isFlowIQError, isRetryableCode, type FlowIQError, type FlowIQErrorCode } from "../../core/FlowIQError.js";
import { DEFAULT_BASE_URL, type ContactLookup } from "../../core/types.js";
import { useContact } from "../../react/useContact.js";
import { isDevelopment } from "../../core/env.js";
import { useFlowIQClient } from "../../react/useFlowIQClient.js";
import { splitDisplayProps, useContactDisplay } from "../ContactDisplay/useContactDisplay.js";
import { ContactCardNotice } from "./ContactCardNotice.js";
import { CardSkeleton } from "./ContactCardSkeleton.js";
import { CardArticle, type ContactCardDisplayProps } from "./ContactCardView.js";
import { useOffscreenSkip } from "./useOffscreenSkip.js";
import { useRevealBatch } from "./useRevealBatch.js";
import { hasContent, shownLookup } from "../ContactDisplay/format.js";
import { errorLabel, fill } from "../ContactDisplay/labels.js";
import { RetryCountdown } from "./RetryCountdown.js";
import type { ContactLookupProps } from "../ContactLookupProps.js";

/**
 * Props of `ContactCard`: the number or WhatsApp id to look up, how the card looks, and
 * what to offer when there is no contact.
 * @example <ContactCard phoneNumber="+27 12 345 6789" notFoundActions={<button onClick={addContact}>Add contact</button>} />
 */
export type ContactCardProps = ContactCardDisplayProps & {
  /**
   * The app's own buttons for a number with no contact ("Add contact", "Start chat"), under the
   * explanation. `null` shows none.
   * @default actions
   */
  notFoundActions?: ReactNode;
} & ContactLookupProps;

/** Errors already written to the console, so a re-render or StrictMode logs each once. */
const logged = new WeakSet<object>();

/**
 * Development only: says in the console why a card shows an error, and where its requests went.
 * Chosen once at load, so a production build (NODE_ENV defined) keeps neither the hook nor its text.
 */
const useFailureReport: (error: Error | null, shown: string | null) => void =
  isDevelopment()
    ? (error, shown) => {
        const { baseUrl } = useFlowIQClient().config;
        useEffect(() => {
          // Asked again here too, for an environment that changes NODE_ENV after load (tests do).
          if (!error || logged.has(error) || !isDevelopment()) return;
          logged.add(error);
          console.warn(
            `[@flowiq/react] <ContactCard> could not show ${shown ?? "a contact"}: ${error.message}` +
              ` (requests go to ${baseUrl ?? DEFAULT_BASE_URL}/contact; if that is not the FlowIQ API or your proxy route, set baseUrl on <FlowIQProvider>)`,
          );
        }, [error, shown, baseUrl]);
      }
    : () => {};

/**
 * Looks a contact up and shows it: a skeleton while loading; for a number with no contact, the
 * number as the title, an explanation and `notFoundActions`; for a failure, an icon, a title, a
 * plain sentence and the number, with a retry button when retrying can help (a rate limit counts
 * down and retries by itself). The developer detail stays in `error.message` and, in
 * development, the console. Needs a `<FlowIQProvider>` above it.
 * @example <ContactCard phoneNumber="+27 12 345 6789" headingLevel={2} />
 */
export function ContactCard(props: ContactCardProps) {
  const { phoneNumber, whatsappId, notFoundActions, ...cardProps } = props;
  // The notices and the skeleton take the root's attributes and these, not the view's other props.
  const [options, { copyable: _c, chatLink: _w, actions, headingLevel, density, ...rest }] = splitDisplayProps(cardProps);
  // normalizeLookup reads an undefined field as absent; both or neither give the card its invalid_lookup error.
  const { data, error, refetch, errorUpdatedAt } = useContact({ phoneNumber, whatsappId } as ContactLookup);
  const display = useContactDisplay(options);
  const { digits, shown } = shownLookup({ phoneNumber, whatsappId }, display.formatPhone);

  useFailureReport(error, shown);
  const rootRef = useOffscreenSkip();
  // An answer that arrives with others shows with them, in one commit (see useRevealBatch).
  const revealed = useRevealBatch(data !== undefined);
  const held = data !== undefined && !revealed;

  if (data && !held) return <CardArticle {...cardProps} contact={data} rootRef={rootRef} />;
  if ((data === undefined && !error) || held) {
    return <CardSkeleton {...rest} labels={options.labels} density={density} rootRef={rootRef} />;
  }
  const strings = display.labels;
  const common = { ...rest, headingLevel, density };

  if (data === null) {
    return (
      <ContactCardNotice
        {...common}
        state="not-found"
        tone="neutral"
        icon="unknown"
        title={<span dir="ltr">{shown}</span>}
        message={fill(strings.notFound, { number: shown ?? "" })}
        actions={notFoundActions === undefined ? actions : notFoundActions}
      />
    );
  }

  const failure = error as FlowIQError;
  const code: FlowIQErrorCode = isFlowIQError(failure) ? failure.code : "server";
  const { title, sentence } = errorLabel(strings, code);
  const retryable = isFlowIQError(failure) ? failure.retryable : true;
  const waitMs = code === "rate_limited" ? failure.retryAfterMs : undefined;
  const retry = () => void refetch();
  let footer: ReactNode = null;
  let retryButton: ReactNode = null;
  if (waitMs !== undefined) {
    footer = <RetryCountdown key={errorUpdatedAt} ms={waitMs} onDone={retry} labels={strings} />;
  } else if (retryable) {
    retryButton = (
      <button type="button" className="fiq-button" onClick={retry}>
        {strings.retry}
      </button>
    );
  }
  return (
    <ContactCardNotice
      {...common}
      state="error"
      data-code={code}
      // Problems that pass by themselves look like a warning; the rest need someone to act.
      tone={isRetryableCode(code) ? "warning" : "danger"}
      icon={waitMs === undefined ? "alert" : "wait"}
      title={title}
      number={shown && <p className="fiq-card__number" dir={digits ? "ltr" : "auto"}>{shown}</p>}
      message={sentence}
      footer={footer}
      actions={
        (retryButton || hasContent(actions)) && (
          <>
            {retryButton}
            {actions}
          </>
        )
      }
    />
  );
}
