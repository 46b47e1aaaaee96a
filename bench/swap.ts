import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "vite";

const root = resolve(import.meta.dirname, "..");

/**
 * Measures a proposed file in place of one, in the bench page and in the package whose size is
 * taken: BENCH_SWAP="src/react/useContacts.ts=/tmp/proposal.ts[,more=pairs]".
 */
export function swapPlugin(): Plugin {
  const swaps = new Map(
    (process.env.BENCH_SWAP ?? "")
      .split(",")
      .filter(Boolean)
      .map((pair) => pair.split("=").map((path) => resolve(root, path)) as [string, string]),
  );
  return {
    name: "bench-swap",
    enforce: "pre",
    load(id) {
      const replacement = swaps.get(id.split("?")[0] ?? id);
      return replacement ? readFileSync(replacement, "utf8") : null;
    },
  };
}
