import type { StorybookConfig } from "@storybook/react-vite";

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
