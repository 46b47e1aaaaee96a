/// <reference types="vite/client" />
import { composeStories, setProjectAnnotations } from "@storybook/react-vite";
import { describe, expect, it } from "vitest";
import preview from "../../.storybook/preview.js";

setProjectAnnotations([preview]);

type StoriesModule = Parameters<typeof composeStories>[0];
/** What this test uses of a composed story. */
type ComposedStory = { id: string; play?: unknown };
const modules = import.meta.glob<StoriesModule>("../../stories/**/*.stories.tsx", { eager: true });

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

// Storybook's Vitest addon runs every story in Chromium (npm run test:browser); here only what
// needs no run: every story states what it must show, since a story without a play function proves nothing.
it.each(files.flatMap(({ stories }) => stories))("%s has a play function", (_name, Story) => {
  expect(Story.play, `${Story.id} has no play function`).toBeTypeOf("function");
});
