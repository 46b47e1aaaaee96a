import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = import.meta.dirname;

// Library build: ESM only, one output file per source module (so "use client"
// stays on the modules that need it and bundlers tree-shake per export),
// peers never bundled, and public/ (the MSW worker) never shipped.
export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    minify: false,
    sourcemap: false,
    lib: {
      entry: {
        index: resolve(root, "src/index.ts"),
        server: resolve(root, "src/server.ts"),
        msw: resolve(root, "src/msw.ts"),
        locales: resolve(root, "src/locales.ts"),
      },
      formats: ["es"],
    },
    rolldownOptions: {
      // @floating-ui/dom is a dependency: the app's bundler resolves it (and shares one copy).
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^msw($|\/)/, /^@floating-ui\//, /^@radix-ui\//],
      output: {
        preserveModules: true,
        preserveModulesRoot: "src",
        entryFileNames: "[name].js",
      },
    },
  },
});
