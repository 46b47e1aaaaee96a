import { addons } from "storybook/manager-api";

// One tree in the order of preview.tsx's storySort, so the guides (Docs) come first: with roots on,
// Storybook lists the ungrouped components above every group.
addons.setConfig({ sidebar: { showRoots: false } });
