import type { Decorator, Preview } from "@storybook/react-vite";
import { QueryClient } from "@tanstack/react-query";
import { mswLoader } from "msw-storybook-addon/csf3";
import { useState, type ReactNode } from "react";
import { FlowIQProvider, type FlowIQProviderProps } from "../src/index.js";
import "../src/styles.css";
import { expectNoPlaceholderText } from "../stories/support/checks.js";
import "./preview.css";

export type Theme = "light" | "dark";

/**
 * Story-level settings read by the decorator, as `parameters.flowiq`.
 * `provider: false` renders with no FlowIQProvider (for the pure view);
 * `frame: "wide"` lets grids use the whole canvas instead of one card's width;
 * `batch` is the provider's `batch` setting.
 */
export type FlowIQStoryParameters = { provider?: boolean; frame?: "card" | "wide"; batch?: FlowIQProviderProps["batch"] };

/** A new client for every story render, so no story sees another's cache; failures show at once. */
function StoryQueryProvider({ children, batch }: { children: ReactNode; batch?: FlowIQProviderProps["batch"] }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    // "demo-key" rather than a fiq_ key: a secret-looking key in a browser triggers the provider's warning.
    <FlowIQProvider tenantId="acme" apiKey="demo-key" queryClient={queryClient} batch={batch}>
      {children}
    </FlowIQProvider>
  );
}

const withFrameAndProvider: Decorator = (Story, context) => {
  const theme: Theme = context.globals.theme === "dark" ? "dark" : "light";
  const settings = (context.parameters.flowiq ?? {}) as FlowIQStoryParameters;
  const story = <Story />;
  const frameClass = ["sb-frame", context.viewMode === "story" ? "sb-frame--fill" : ""].filter(Boolean).join(" ");
  return (
    // data-theme on an ancestor is how a host page switches the card's theme.
    <div className={frameClass} data-theme={theme}>
      <div className={settings.frame === "wide" ? "sb-frame__wide" : "sb-frame__card"}>
        {settings.provider === false ? (
          story
        ) : (
          <StoryQueryProvider key={context.id} batch={settings.batch}>
            {story}
          </StoryQueryProvider>
        )}
      </div>
    </div>
  );
};

/** Browser-only: MSW's service worker, failing loudly when a story asks the API for something it has no handler for. */
const mswWorker = mswLoader(async () => {
  const { setupWorker } = await import("msw/browser");
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    onUnhandledRequest(request, print) {
      if (/\/contacts?$/.test(new URL(request.url).pathname)) print.error();
    },
  });
  // On a first visit several frames (a docs page) can register the worker at once; a frame the
  // worker does not control yet would send its requests to the real network, so wait to be claimed.
  if (!navigator.serviceWorker.controller) {
    await new Promise<void>((resolve) => {
      navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true });
      setTimeout(resolve, 5000);
    });
  }
  return worker;
});

let problems: string[] = [];

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return typeof value === "string" ? value : String(value);
}

const preview: Preview = {
  decorators: [withFrameAndProvider],
  loaders: [mswWorker],
  globalTypes: {
    theme: {
      description: "Colour theme of the page around the cards",
      toolbar: {
        title: "Theme",
        icon: "contrast",
        items: [
          { value: "light", title: "Light", icon: "sun" },
          { value: "dark", title: "Dark", icon: "moon" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "light" },
  parameters: {
    layout: "fullscreen",
    // Any axe violation fails the story's test, colour contrast included.
    a11y: { test: "error" },
    controls: { expanded: true, sort: "requiredFirst" },
    options: {
      storySort: { order: ["Docs", ["Getting started"], "ContactCard", "ContactCardView", "ContactCardSkeleton", "Examples"] },
    },
  },
  // A story fails on any console.error or uncaught page error, not only on a failed assertion.
  beforeEach() {
    problems = [];
    const original = console.error;
    console.error = (...args: unknown[]) => {
      problems.push(`console.error: ${args.map(describe).join(" ")}`);
      original.apply(console, args);
    };
    const onError = (event: ErrorEvent) => problems.push(`page error: ${describe(event.error ?? event.message)}`);
    const onRejection = (event: PromiseRejectionEvent) => problems.push(`unhandled rejection: ${describe(event.reason)}`);
    window.addEventListener("error", onError);
    window.addEventListener("unhandledrejection", onRejection);
    return () => {
      console.error = original;
      window.removeEventListener("error", onError);
      window.removeEventListener("unhandledrejection", onRejection);
    };
  },
  // ...and on text no card may show, whatever its data ("undefined", "NaN", "Invalid Date"…).
  async afterEach({ canvasElement }) {
    const found = problems;
    problems = [];
    if (found.length > 0) throw new Error(`The story logged errors:\n${found.join("\n")}`);
    await expectNoPlaceholderText(canvasElement);
  },
};

export default preview;
