import js from "@eslint/js";
import pluginQuery from "@tanstack/eslint-plugin-query";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // examples/dashboard uses the root node_modules and is checked with the library; other examples are apps of their own.
  { ignores: ["dist/", "storybook-static/", "coverage/", "examples/*", "!examples/dashboard/", "public/", ".bench/", "node_modules/", ".stryker-tmp/", "reports/", ".docs-site/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...pluginQuery.configs["flat/recommended"],
  reactHooks.configs.flat.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["test/**", "stories/**", "scripts/**", "bench/**", "e2e/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // Layers import only downwards: core knows no React, react no markup, server only core.
    files: ["src/core/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react", "react-dom", "@tanstack/*", "../react/*", "../components/*", "../server/*", "../msw/*", "msw"] }],
    },
  },
  {
    files: ["src/react/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["../components/*", "../server/*", "../msw/*", "msw"] }] },
  },
  {
    files: ["src/components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["../../server/*", "../../msw/*", "msw", "@tanstack/*"] }] },
  },
  {
    files: ["src/server/**", "src/server.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["../react/*", "./react/*", "../components/*", "./components/*", "react-dom", "../msw/*"] }] },
  },
);
