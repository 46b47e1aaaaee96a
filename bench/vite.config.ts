import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { benchProxy } from "./proxy.js";
import { swapPlugin } from "./swap.js";

/** Where the bench pages are built: the production page, and the profiling one under profiling/. */
export const BENCH_OUT = "node_modules/.cache/bench-page";
const profiling = process.env.BENCH_PROFILING === "1";

// The bench page in production mode (minified, React's production build); with BENCH_PROFILING=1,
// React's profiling build in place of react-dom/client, which keeps <Profiler> timings (isolation only).
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  mode: "production",
  logLevel: "warn",
  plugins: [swapPlugin(), react(), benchProxy()],
  publicDir: false,
  resolve: profiling ? { alias: [{ find: /^react-dom\/client$/, replacement: "react-dom/profiling" }] } : {},
  build: {
    outDir: `../${BENCH_OUT}${profiling ? "/profiling" : ""}`,
    emptyOutDir: true,
    minify: true,
    target: "es2022",
    reportCompressedSize: false,
  },
  preview: { headers: { "Cache-Control": "no-store" } },
});
