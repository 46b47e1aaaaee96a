import type { Decorator, Preview } from "@storybook/react-vite";
import { QueryClient } from "@tanstack/react-query";
import { getResponse, type RequestHandler } from "msw";
import { mswLoader } from "msw-storybook-addon/csf3";
import { storyNameFromExport, toId } from "storybook/internal/csf";
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

/**
 * `parameters.docs.featured` on a component's meta: the export names of the stories its docs page
 * shows, in file order (the rest stay in the sidebar). Without it the page shows every story.
 */
export type FlowIQDocsParameters = { featured?: string[] };

type MswParameter = RequestHandler[] | { handlers?: RequestHandler[] | Record<string, RequestHandler[] | RequestHandler> } | undefined;

/** `parameters.msw` in any of the forms msw-storybook-addon accepts, as one list. */
function handlersOf(parameter: MswParameter): RequestHandler[] {
  if (!parameter) return [];
  if (Array.isArray(parameter)) return parameter;
  const { handlers } = parameter;
  if (!handlers) return [];
  return (Array.isArray(handlers) ? handlers : Object.values(handlers)).flat();
}

/**
 * On a docs page every story renders inline in one frame, where one service worker would answer
 * them all with whichever story loaded last. There each story's provider fetches through its own
 * `parameters.msw` handlers instead (MSW's `getResponse`, no network), so every example shows
 * its own state. The story pages and the story tests keep the service worker.
 */
function fetchThrough(handlers: RequestHandler[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await getResponse(handlers, request);
    if (!response) return fetch(request);
    // HttpResponse.error() is a failed request, as the service worker would make it.
    if (response.type === "error") throw new TypeError("Failed to fetch");
    return response;
  };
}

/** A new client for every story render, so no story sees another's cache; failures show at once. */
function StoryQueryProvider({ children, batch, fetch }: { children: ReactNode; batch?: FlowIQProviderProps["batch"]; fetch?: typeof globalThis.fetch }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    // "demo-key" rather than a fiq_ key: a secret-looking key in a browser triggers the provider's warning.
    <FlowIQProvider tenantId="acme" apiKey="demo-key" queryClient={queryClient} batch={batch} fetch={fetch}>
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
          <StoryQueryProvider
            key={context.id}
            batch={settings.batch}
            fetch={context.viewMode === "docs" ? fetchThrough(handlersOf(context.parameters.msw as MswParameter)) : undefined}
          >
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
  // Docs pages fetch through each story's own handlers (fetchThrough), so only story pages and the
  // story tests start the service worker: a docs page neither registers it nor waits to be claimed.
  loaders: [(context) => (context.viewMode === "docs" ? {} : mswWorker(context))],
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
      storySort: {
        order: [
          "Docs",
          ["Getting started", "Next.js", "Dashboards", "Testing with MSW"],
          "ContactCard",
          "ContactCardView",
          "ContactCardSkeleton",
          "ContactChip",
          "ContactHoverCard",
          "ContactDisplayProvider",
          "Examples",
        ],
      },
    },
    docs: {
      // Stories render inline on docs pages: one frame per page, not one per story, and the
      // Controls table changes the example above it.
      story: { inline: true },
      // "Show code" shows how to use the component with the story's args, not the story's test code.
      source: { type: "dynamic", excludeDecorators: true },
      stories: {
        filter: (story: { id: string; title: string }, context: { parameters: { docs?: FlowIQDocsParameters } }) => {
          const featured = context.parameters.docs?.featured;
          return !featured || featured.some((exportName) => toId(story.title, storyNameFromExport(exportName)) === story.id);
        },
      },
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
