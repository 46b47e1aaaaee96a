/// <reference types="vite/client" />
import { composeStories, setProjectAnnotations } from "@storybook/react-vite";
import type { RequestHandler } from "msw";
import { describe, expect, it } from "vitest";
import preview from "../../.storybook/preview.js";
import { server } from "../server.js";

// The MSW loader starts a service worker, which jsdom has not got: here each story's
// own handlers go to the msw/node server instead (test/setup.ts resets it after each test).
setProjectAnnotations([{ ...preview, loaders: [] }]);

type StoriesModule = Parameters<typeof composeStories>[0];
/** What this test uses of a composed story. */
type ComposedStory = {
  id: string;
  play?: unknown;
  parameters: { msw?: MswParameter };
  run: (context?: { canvasElement?: HTMLElement }) => Promise<void>;
};
const modules = import.meta.glob<StoriesModule>("../../stories/**/*.stories.tsx", { eager: true });

type MswParameter = RequestHandler[] | { handlers?: RequestHandler[] | Record<string, RequestHandler | RequestHandler[]> };

/** `parameters.msw` in either form msw-storybook-addon accepts, as a flat list. */
function handlersOf(parameter: MswParameter | undefined): RequestHandler[] {
  if (!parameter) return [];
  if (Array.isArray(parameter)) return parameter;
  const { handlers } = parameter;
  if (!handlers) return [];
  return (Array.isArray(handlers) ? handlers : Object.values(handlers)).flat();
}

const files = Object.entries(modules).map(([path, module]) => ({
  file: path.replace("../../stories/", ""),
  stories: Object.entries(composeStories(module) as Record<string, ComposedStory>),
}));

describe("the stories", () => {
  it("cover every state a user can meet", () => {
    const ids = files.flatMap(({ stories }) => stories.map(([, story]) => story.id));
    const required = [
      "contactcard--full-contact",
      "contactcard--sparse-contact",
      "contactcard--blocked-and-archived",
      "contactcard--online-with-unread",
      "contactcard--broadcast-opt-out",
      "contactcard--bot-paused",
      "contactcard--forty-tags",
      "contactcard--long-name",
      "contactcard--right-to-left-name",
      "contactcard--emoji-name",
      "contactcard--contact-summary",
      "contactcard--loading",
      "contactcard--not-found",
      "contactcard--key-refused",
      "contactcard--server-error-with-retry",
      "contactcard--malformed-response",
      "contactcard--network-error",
      "contactcard--dark-theme",
      "contactcard--german-locale",
      "contactcard--keyboard-navigation",
      "examples-dashboard--compact-grid",
      "examples-dashboard--dashboard",
      "contactcardview--default",
      "contactcardskeleton--default",
    ];
    expect(ids).toEqual(expect.arrayContaining(required));
  });
});

for (const { file, stories } of files) {
  describe(`stories in ${file}`, () => {
    it.each(stories)("%s renders with its mocked API and passes its play function", async (_name, Story) => {
      // Every story states what it must show; a story without a play function proves nothing.
      expect(Story.play, `${Story.id} has no play function`).toBeTypeOf("function");
      const handlers = handlersOf(Story.parameters.msw);
      if (handlers.length > 0) server.use(...handlers);

      const canvasElement = document.createElement("div");
      document.body.append(canvasElement);
      try {
        await Story.run({ canvasElement });
        expect(canvasElement.querySelector("[data-state]"), "no card rendered").not.toBeNull();
        expect(canvasElement.textContent).not.toMatch(/\bundefined\b|\bNaN\b|Invalid Date|\[object Object\]/);
      } finally {
        canvasElement.remove();
      }
    });
  });
}
