import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { ContactCardSkeleton, ContactCardView, defaultContactCardLabels as en } from "../src/index.js";
import { cardRoot, inRealBrowser } from "./support/checks.js";
import { fullContact } from "./support/contacts.js";

const meta = {
  title: "ContactCardSkeleton",
  component: ContactCardSkeleton,
  tags: ["autodocs"],
  parameters: {
    flowiq: { provider: false },
    docs: {
      description: {
        component:
          "The card's loading state, also usable on its own as a `<Suspense>` fallback around `useSuspenseContact`. Screen readers hear the `labels.loading` text; the shimmer stops for people who prefer reduced motion.",
      },
    },
  },
} satisfies Meta<typeof ContactCardSkeleton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const root = cardRoot(canvas.getByText(en.loading));
    await expect(root).toHaveAttribute("data-state", "loading");
    await expect(root).toHaveAttribute("aria-busy", "true");
  },
};

export const TranslatedLoadingText: Story = {
  name: "Translated loading text",
  args: { labels: { loading: "Kontakt wird geladen …" } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("Kontakt wird geladen …")).toBeInTheDocument();
    await expect(canvas.queryByText(en.loading)).toBeNull();
  },
};

/** The skeleton beside the card it stands for, each at its own height (a row that does not stretch). */
const sideBySide = (density: "comfortable" | "compact", tags: string[]) => (
  <div className="sb-side-by-side">
    <ContactCardSkeleton density={density} />
    <ContactCardView contact={{ ...fullContact, tags }} density={density} />
  </div>
);

/** In a browser: the skeleton and the loaded card are within 4 px of one height, so nothing jumps. */
async function expectSameHeight(canvasElement: HTMLElement) {
  const skeleton = canvasElement.querySelector('[data-state="loading"]')!;
  const card = canvasElement.querySelector('[data-state="ready"]')!;
  await expect(skeleton).not.toBeNull();
  if (!inRealBrowser()) return;
  const difference = Math.abs(skeleton.getBoundingClientRect().height - card.getBoundingClientRect().height);
  await expect(difference).toBeLessThanOrEqual(4);
}

export const SameHeightAsTheCard: Story = {
  name: "Beside a typical loaded card (same height)",
  parameters: { flowiq: { frame: "wide" } },
  render: () => sideBySide("comfortable", fullContact.tags),
  play: async ({ canvasElement }) => expectSameHeight(canvasElement),
};

export const Compact: Story = {
  name: "Compact, beside a compact card (same height)",
  parameters: { flowiq: { frame: "wide" } },
  render: () => sideBySide("compact", ["customer", "premium"]),
  play: async ({ canvasElement }) => expectSameHeight(canvasElement),
};
