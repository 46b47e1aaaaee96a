// The project's Storybook as the browser checks (e2e/stories) see it: story pages only, built
// with source maps, so each CSP violation's script position maps back to a source file.
import type { StorybookConfig } from "@storybook/react-vite";
import project from "../../.storybook/main";

const config: StorybookConfig = {
  ...project,
  // Story pages only: the checks open iframe.html?id=…&viewMode=story.
  stories: ["../../stories/**/*.stories.@(ts|tsx)"],
  staticDirs: ["../../public"],
  async viteFinal(viteConfig, options) {
    const merged = project.viteFinal ? await project.viteFinal(viteConfig, options) : viteConfig;
    return { ...merged, build: { ...merged.build, sourcemap: true } };
  },
};

export default config;
