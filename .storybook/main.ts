import type { StorybookConfig } from "@storybook/react-vite";

type ViteConfig = Parameters<NonNullable<StorybookConfig["viteFinal"]>>[0];

/** The one rolldown output options object Storybook's config may already hold. */
function outputOf(viteConfig: ViteConfig) {
  const output = viteConfig.build?.rolldownOptions?.output;
  return Array.isArray(output) ? output[0] : output;
}

const config: StorybookConfig = {
  stories: ["../stories/docs/*.mdx", "../stories/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest"],
  framework: { name: "@storybook/react-vite", options: {} },
  // The MSW service worker (public/mockServiceWorker.js) must be served from the root.
  staticDirs: ["../public"],
  core: { disableTelemetry: true },
  // This Storybook is the library's docs site: no "get started with Storybook" checklist in its
  // sidebar or menu for the people reading it.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // "Show code" writes a story's JSX from its components' names: keep them through minification,
  // or the published site shows <k caption="Inbox" /> for a story's own helper component.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    build: { ...viteConfig.build, rolldownOptions: { ...viteConfig.build?.rolldownOptions, output: { ...outputOf(viteConfig), keepNames: true } } },
  }),
  typescript: {
    // Reads the props through the imported display-props type, JSDoc @default included;
    // the div attributes every card passes through would bury ours, so they are left out.
    reactDocgen: "react-docgen-typescript",
    reactDocgenTypescriptOptions: {
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
};

export default config;
