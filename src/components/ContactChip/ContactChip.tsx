"use client";
import { isFlowIQError } from "../../core/FlowIQError.js";
import type { Contact, ContactLookup } from "../../core/types.js";
import { useContact } from "../../react/useContact.js";
import { cx, shownLookup } from "../ContactDisplay/format.js";
import { errorLabel } from "../ContactDisplay/labels.js";
import { splitDisplayProps, useContactDisplay } from "../ContactDisplay/useContactDisplay.js";
import { ContactAvatar } from "../ContactParts/ContactAvatar.js";
import { ContactName } from "../ContactParts/ContactName.js";
import { ContactChipView, type ContactChipDisplayProps } from "./ContactChipView.js";
import type { ContactLookupProps } from "../ContactLookupProps.js";

/**
 * Props of `ContactChip`: the number or WhatsApp id to look up, and how the chip looks.
 * @example <ContactChip whatsappId="27123456789" className="inbox-chip" />
 */
export type ContactChipProps = ContactChipDisplayProps & ContactLookupProps;

/**
 * Looks a contact up and shows it in one line: a one-line skeleton while loading, the
 * number with an "unknown contact" hint when there is no contact, the number with an
 * error marker when the lookup failed, else `ContactChipView`. Labels and `formatPhone` come
 * from its props, else the nearest `ContactDisplayProvider`. Needs a `<FlowIQProvider>`.
 * @example <ContactChip phoneNumber="+27 12 345 6789" />
 */
export function ContactChip(props: ContactChipProps) {
  const [options, { phoneNumber, whatsappId, className, ...rest }] = splitDisplayProps(props);
  // normalizeLookup reads an undefined field as absent; both or neither give the chip its invalid_lookup error.
  const { data, error } = useContact({ phoneNumber, whatsappId } as ContactLookup);
  const display = useContactDisplay(options);
  if (data) return <ContactChipView {...rest} {...options} className={className} contact={data} />;

  const { digits, shown } = shownLookup({ phoneNumber, whatsappId }, display.formatPhone);
  const state = data === null ? "not-found" : error ? "error" : "loading";
  // The parts draw the number looked up (or, when it is not one, what was typed) as they draw a nameless contact.
  const looked = { full_name: null, phone_number: digits, whatsapp_id: null } as unknown as Contact;
  const identity = (
    <>
      <ContactAvatar contact={looked} />
      <ContactName as="span" className="fiq-chip__name" contact={digits ? looked : { ...looked, full_name: shown }} {...options} />
    </>
  );
  let body;
  if (state === "loading") {
    body = (
      <>
        <span className="fiq-avatar fiq-skeleton__block" aria-hidden="true" />
        <span className="fiq-skeleton__line" aria-hidden="true" />
        {/* What a screen reader hears while the chip is busy: the number being looked up. */}
        <span className="fiq-sr-only" dir="ltr">
          {shown}
        </span>
      </>
    );
  } else if (state === "not-found") {
    body = (
      <>
        {identity}
        <span className="fiq-chip__hint">{display.labels.unknownContactHint}</span>
      </>
    );
  } else {
    const message = errorLabel(display.labels, isFlowIQError(error) ? error.code : "server").sentence;
    body = (
      <>
        {identity}
        {/* An image named by the message, which also shows as a tooltip; the chip has no room for the sentence. */}
        <span className="fiq-chip__marker" data-marker="error" role="img" aria-label={message} title={message}>
          !
        </span>
      </>
    );
  }
  return (
    <span {...rest} className={cx("fiq-chip", className)} data-part="chip" data-state={state} aria-busy={state === "loading" || undefined}>
      {body}
    </span>
  );
}
