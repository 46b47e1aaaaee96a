"use client";
import { FlowIQProvider } from "@flowiq/react";
import { QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

// No apiKey here: the browser talks to our own route, which holds the key.
// `batch`: the contacts the page asks for together go in one request to /api/flowiq/contacts.
export function Providers({ tenantId, children }: { tenantId: string; children: ReactNode }) {
  // One client per browser session (and per request during server rendering).
  const [queryClient] = useState(() => new QueryClient());
  return (
    <FlowIQProvider tenantId={tenantId} baseUrl="/api/flowiq" batch queryClient={queryClient}>
      {children}
    </FlowIQProvider>
  );
}
