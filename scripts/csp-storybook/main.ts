// The project's Storybook, built for the CSP check with source maps, so each
// violation's script position maps back to a source file (ours, or Storybook's).
import type { StorybookConfig } from "@storybook/react-vite";
import project from "../../.storybook/main";

const config: StorybookConfig = {
  ...project,
  // Story pages only: the check opens iframe.html?id=…&viewMode=story.
  stories: ["../../stories/**/*.stories.@(ts|tsx)"],
  staticDirs: ["../../public"],
  async viteFinal(viteConfig, options) {
    const merged = project.viteFinal ? await project.viteFinal(viteConfig, options) : viteConfig;
    return { ...merged, build: { ...merged.build, sourcemap: true } };
  },
};

export default config;
