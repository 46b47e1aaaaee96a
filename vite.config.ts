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
        "server.browser": resolve(root, "src/server.browser.ts"),
        msw: resolve(root, "src/msw.ts"),
        locales: resolve(root, "src/locales.ts"),
      },
      formats: ["es"],
    },
    rolldownOptions: {
      // @floating-ui/dom, @radix-ui/react-slot and lru-cache (the server entry's cache) are dependencies: the app's bundler resolves them.
      // server-only stays an import: Next.js recognises it to refuse a client bundle of the server entry.
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^msw($|\/)/, /^@floating-ui\//, /^@radix-ui\//, /^lru-cache($|\/)/, /^server-only$/],
      output: {
        preserveModules: true,
        preserveModulesRoot: "src",
        entryFileNames: "[name].js",
      },
    },
  },
});
