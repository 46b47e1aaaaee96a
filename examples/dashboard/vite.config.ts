import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { flowiqDemoApi } from "./server/flowiqDemoApi.js";

const repo = resolve(import.meta.dirname, "../..");

// `npm run dashboard` (in the repository root): the inbox on http://127.0.0.1:5173, with its
// back end (the proxy route in front of a stand-in API) in the same process; see server/.
// The library is imported by its package name, resolved to the repository's src/: the example
// needs no build step and shows the library as it is in this checkout (changes reload at once).
// examples/nextjs is the one that installs the packed package, as users do.
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: resolve(repo, "node_modules/.cache/vite-dashboard"),
  plugins: [react(), flowiqDemoApi()],
  resolve: {
    alias: [
      { find: /^@flowiq\/react\/styles\.css$/, replacement: resolve(repo, "src/styles.css") },
      { find: /^@flowiq\/react$/, replacement: resolve(repo, "src/index.ts") },
    ],
  },
  // Found up front, so the first visit never reloads the page to add a dependency.
  optimizeDeps: {
    include: ["react", "react/jsx-dev-runtime", "react-dom/client", "@tanstack/react-query", "@tanstack/react-virtual", "@floating-ui/dom"],
  },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  build: { outDir: resolve(repo, "node_modules/.cache/dashboard-dist"), emptyOutDir: true },
});
