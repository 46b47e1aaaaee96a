"use client";
import { useContext, useMemo, type ReactNode } from "react";
import { resolveLabels } from "../ContactDisplay/labels.js";
import { ContactDisplayContext } from "./ContactDisplayContext.js";
import type { ContactDisplayOptions } from "./useContactDisplay.js";

/**
 * Props of `ContactDisplayProvider`: the display options every contact component below it uses.
 * @example <ContactDisplayProvider locale="en-GB" timeZone="Europe/London" maxTags={3}><App /></ContactDisplayProvider>
 */
export type ContactDisplayProviderProps = ContactDisplayOptions & {
  children?: ReactNode;
};

/**
 * Sets how every contact component below it displays contacts: locale, time zone, labels,
 * phone formatting and how many tags to show. A component's own prop still wins; labels merge
 * (this provider's on top of an outer one's, the component's on top of both). Needs no
 * `FlowIQProvider`.
 * @example
 * <ContactDisplayProvider locale="de-DE" timeZone="Europe/Berlin" labels={de} formatPhone={format}>
 *   <App />
 * </ContactDisplayProvider>
 */
export function ContactDisplayProvider({ children, locale, timeZone, labels, formatPhone, maxTags }: ContactDisplayProviderProps) {
  const outer = useContext(ContactDisplayContext);
  const value = useMemo<ContactDisplayOptions>(
    () => ({
      locale: locale ?? outer.locale,
      timeZone: timeZone ?? outer.timeZone,
      labels: labels && outer.labels ? resolveLabels(outer.labels, labels) : (labels ?? outer.labels),
      formatPhone: formatPhone ?? outer.formatPhone,
      maxTags: maxTags ?? outer.maxTags,
    }),
    [outer, locale, timeZone, labels, formatPhone, maxTags],
  );
  // .Provider rather than the context itself, which React 18 cannot render.
  return <ContactDisplayContext.Provider value={value}>{children}</ContactDisplayContext.Provider>;
}
