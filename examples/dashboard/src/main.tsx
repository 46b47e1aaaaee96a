import "@flowiq/react/styles.css";
import "./app.css";
import { FlowIQProvider } from "@flowiq/react";
import { QueryClient } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { countingFetch } from "./requestMeter.js";

const queryClient = new QueryClient();
/** `?batch=off` shows the same inbox with one request per contact, for comparison. */
const batch = new URLSearchParams(location.search).get("batch") !== "off";

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    {/*
      No API key in the browser: /api/flowiq is the app's own route (server/), which adds the key
      and pins the tenant. `batch`: the rows on screen are fetched together, one request per 50 contacts.
    */}
    <FlowIQProvider tenantId="acme-inbox" baseUrl="/api/flowiq" batch={batch} fetch={countingFetch} queryClient={queryClient}>
      <App />
    </FlowIQProvider>
  </StrictMode>,
);
