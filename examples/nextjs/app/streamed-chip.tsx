"use client";
import { ContactChipView, useSuspenseContact } from "@flowiq/react";

/**
 * One contact of the streamed table: the server started its read and handed
 * the pending query over, so this suspends on the server's read (streamed
 * into the HTML when it lands) and the browser asks for nothing.
 */
export function StreamedChip({ phoneNumber }: { phoneNumber: string }) {
  const { data } = useSuspenseContact({ phoneNumber });
  return data ? <ContactChipView contact={data} /> : <span>Not in FlowIQ</span>;
}
