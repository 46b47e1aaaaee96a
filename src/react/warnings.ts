let warnedSecretKey = false;

/** Development only, once: a `fiq_` key handed to a provider in a browser is readable by anyone. */
export function warnIfSecretKeyInBrowser(apiKey: unknown): void {
  if (warnedSecretKey || typeof window === "undefined" || typeof apiKey !== "string" || !apiKey.startsWith("fiq_")) return;
  warnedSecretKey = true;
  console.warn(
    "[@flowiq/react] A secret API key (fiq_…) was given to <FlowIQProvider> in a browser, where anyone can read it. " +
      "Keep it on the server: mount createContactRouteHandler from @flowiq/react/server and use baseUrl=\"/api/flowiq\" with no apiKey.",
  );
}

/** For tests: lets the once-only warning fire again. */
export function resetWarnings(): void {
  warnedSecretKey = false;
}
