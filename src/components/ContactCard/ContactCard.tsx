"use client";
import type { ReactNode } from "react";
import { isFlowIQError, type FlowIQErrorCode } from "../../core/FlowIQError.js";
import type { ContactLookup } from "../../core/types.js";
import { useContact } from "../../react/useContact.js";
import { ContactCardSkeleton } from "./ContactCardSkeleton.js";
import { ContactCardView, type ContactCardDisplayProps } from "./ContactCardView.js";
import { phoneDigits, rootClass } from "./format.js";
import type { ContactCardLabels } from "./labels.js";
import { useContactDisplay } from "../ContactDisplay/useContactDisplay.js";

export type ContactCardProps = ContactCardDisplayProps &
  (
    | {
        /** The number to look up, in any common format (`"+27 12 345 6789"`). */
        phoneNumber: string;
        whatsappId?: undefined;
      }
    | {
        /** The WhatsApp id (digits) to look up. */
        whatsappId: string;
        phoneNumber?: undefined;
      }
  );

/** `invalid_lookup` → `errorInvalidLookup`: every code has its label of that name. */
const errorLabel = (code: FlowIQErrorCode) =>
  `error${code.replace(/(?:^|_)(\w)/g, (_, letter: string) => letter.toUpperCase())}` as keyof ContactCardLabels;

/**
 * Looks a contact up and shows it: a skeleton while loading, a not-found
 * message, an error with a retry button when retrying can help, or the card.
 * Needs a `<FlowIQProvider>` above it.
 * @example <ContactCard phoneNumber="+27 12 345 6789" headingLevel={2} />
 */
export function ContactCard(props: ContactCardProps) {
  const { phoneNumber, whatsappId, maxTags, locale, timeZone, labels, formatPhone, copyable, headingLevel, actions, className, ...rest } = props;
  const shown = useContactDisplay({ labels, formatPhone });
  // normalizeLookup reads an undefined field as absent; both or neither give the card its invalid_lookup error.
  const { data, error, refetch } = useContact({ phoneNumber, whatsappId } as ContactLookup);

  if (data) {
    const display = { maxTags, locale, timeZone, labels, formatPhone, copyable, headingLevel, actions, className };
    return <ContactCardView {...rest} {...display} contact={data} />;
  }
  if (data === undefined && !error) return <ContactCardSkeleton {...rest} className={className} labels={labels} />;

  const text = shown.labels;
  let message: string;
  let retry: ReactNode = null;
  if (data === null) {
    const raw = phoneNumber ?? whatsappId ?? "";
    const digits = phoneDigits(raw);
    message = text.notFound(digits ? shown.formatPhone(digits) : raw);
  } else {
    const code: FlowIQErrorCode = isFlowIQError(error) ? error.code : "server";
    message = (text[errorLabel(code)] as string | undefined) ?? text.errorServer;
    if (isFlowIQError(error) ? error.retryable : true) {
      retry = (
        <button type="button" className="fiq-button" onClick={() => void refetch()}>
          {text.retry}
        </button>
      );
    }
  }
  const state = data === null ? "not-found" : "error";
  return (
    <div
      {...rest}
      className={rootClass(className)}
      data-state={state}
      role={data === null ? "status" : "alert"}
    >
      <p className="fiq-card__message">{message}</p>
      {(retry || (actions != null && actions !== false)) && (
        <div className="fiq-card__actions">
          {retry}
          {actions}
        </div>
      )}
    </div>
  );
}
