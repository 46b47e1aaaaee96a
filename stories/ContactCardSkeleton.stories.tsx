import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { ContactCardSkeleton, defaultContactCardLabels as en } from "../src/index.js";
import { cardRoot } from "./support/checks.js";

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
