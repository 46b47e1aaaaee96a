"use client";
import { ContactDisplayProvider, FlowIQProvider } from "@flowiq/react";
import { ar, de, es, fr, ptBR } from "@flowiq/react/locales";
import { QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import type { LocaleName } from "../lib/flowiq";

const PACKS = { de, es, fr, "pt-BR": ptBR, ar };

// No apiKey here: the browser talks to our own route, which holds the key, and
// with no key the contacts the page asks for together go in one request to
// /api/flowiq/contacts. What the server layout hands over is plain data: the
// tenant and the name of the visitor's language.
export function Providers({ tenantId, locale, children }: { tenantId: string; locale: LocaleName; children: ReactNode }) {
  // One client per browser session (and per request during server rendering).
  const [queryClient] = useState(() => new QueryClient());
  return (
    <FlowIQProvider tenantId={tenantId} baseUrl="/api/flowiq" queryClient={queryClient}>
      <ContactDisplayProvider locale={locale} labels={locale === "en" ? undefined : PACKS[locale]}>
        {children}
      </ContactDisplayProvider>
    </FlowIQProvider>
  );
}
