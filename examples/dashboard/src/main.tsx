import "@flowiq/react/styles.css";
import "./app.css";
import { FlowIQProvider } from "@flowiq/react";
import { QueryClient } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { followLiveContacts } from "./live.js";
import { countingFetch } from "./requestMeter.js";

const TENANT = "acme-inbox";
const queryClient = new QueryClient();
const params = new URLSearchParams(location.search);
/** `?batch=off` shows the same inbox with one request per contact, for comparison. */
const batch = params.get("batch") !== "off";
/** `?live=off`: no pushed changes, and no refresh tick unless `?interval=ms` asks for one (the request-count checks use it). */
const live = params.get("live") !== "off";
const interval = params.get("interval");
const refetchInterval = interval ? Number(interval) : live ? 15_000 : undefined;
// Changes the server pushes (server-sent events): into the cache, or refetched in one batch.
if (live) followLiveContacts(queryClient, TENANT);

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    {/*
      No API key in the browser: /api/flowiq is the app's own route (server/), which adds the key
      and pins the tenant. `batch`: the rows on screen are fetched together, one request per 50 contacts.
      `refetchInterval`: every contact on screen refreshes on one shared tick, one batch a tick, none while the tab is hidden.
    */}
    <FlowIQProvider
      tenantId={TENANT}
      baseUrl="/api/flowiq"
      batch={batch}
      refetchInterval={refetchInterval}
      fetch={countingFetch}
      queryClient={queryClient}
    >
      <App />
    </FlowIQProvider>
  </StrictMode>,
);
