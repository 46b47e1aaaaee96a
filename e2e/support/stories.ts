import { expect, type Page } from "@playwright/test";

export type OpenStoryOptions = {
  theme?: "light" | "dark";
  /** Story args, as Storybook's `args=` URL parameter takes them. */
  args?: Record<string, string>;
  /** More globals, as the `globals=` URL parameter takes them, e.g. `{ "a11y.manual": "!true" }`. */
  globals?: Record<string, string>;
  /** What "rendered" means for this story; by default, content in the root and nothing busy. */
  ready?: (page: Page) => Promise<void>;
};

/** Opens one story in the static Storybook and waits until it has rendered. */
export async function openStory(page: Page, storyId: string, options: OpenStoryOptions = {}): Promise<void> {
  const params = new URLSearchParams({ id: storyId, viewMode: "story" });
  const globals = { theme: options.theme ?? "light", ...options.globals };
  params.set("globals", Object.entries(globals).map(([k, v]) => `${k}:${v}`).join(";"));
  if (options.args) params.set("args", Object.entries(options.args).map(([k, v]) => `${k}:${v}`).join(";"));
  await page.goto(`/iframe.html?${params}`);
  const root = page.locator("#storybook-root");
  await expect(root.locator(":scope > *").first()).toBeVisible();
  if (options.ready) await options.ready(page);
  else await expect(root.locator('[aria-busy="true"]')).toHaveCount(0);
}

type PreviewWindow = {
  __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } };
  __STORYBOOK_ADDONS_CHANNEL__?: { emit: (event: string, selection: { storyId: string; viewMode: "story" }) => void };
};

/**
 * Waits until Storybook has finished the story (loaders, render, play function,
 * afterEach) and fails with the play function's error if it threw: the play
 * functions assert each story's state, so a story that passes here reached it.
 * The story is the page's `id=` unless named. For `openStory(page, id, { ready: storyFinished })`.
 */
export async function storyFinished(page: Page, storyId = new URL(page.url()).searchParams.get("id")): Promise<void> {
  const render = () => page.evaluate(() => (window as PreviewWindow).__STORYBOOK_PREVIEW__?.currentRender);
  const phase = async () => {
    const current = await render();
    return current?.id === storyId ? current?.phase : "another story";
  };
  await expect.poll(phase, { timeout: 30_000, message: `Storybook finished ${storyId}` }).toMatch(/^(finished|errored|aborted)$/);
  if ((await phase()) !== "finished") {
    const shown = await page.locator("#error-message, #error-stack").allTextContents();
    throw new Error(`The story failed: ${shown.join("\n").trim() || "(no message)"}`);
  }
}

/**
 * Shows another story in a preview page `openStory` opened, as a click in Storybook's sidebar
 * does (no reload: the page, its globals and MSW's service worker stay), and waits for it to finish.
 */
export async function switchStory(page: Page, storyId: string): Promise<void> {
  await page.evaluate((id) => {
    const channel = (window as PreviewWindow).__STORYBOOK_ADDONS_CHANNEL__;
    if (!channel) throw new Error("Not a Storybook preview page");
    channel.emit("setCurrentStory", { storyId: id, viewMode: "story" });
  }, storyId);
  await storyFinished(page, storyId);
}
