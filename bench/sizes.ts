import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";
import { swapPlugin } from "./swap.js";

const root = resolve(import.meta.dirname, "..");

export type SizeEntry = { name: string; size: number; sizeLimit?: number; passed: boolean };

/** size-limit's figures for the package exactly as `npm run build` lays out dist/ (with any BENCH_SWAP applied). */
export async function measureSizes(): Promise<SizeEntry[]> {
  const pkg = mkdtempSync(join(tmpdir(), "flowiq-bench-package-"));
  try {
    await build({ configFile: join(root, "vite.config.ts"), root, logLevel: "warn", plugins: [swapPlugin()], build: { outDir: join(pkg, "dist"), emptyOutDir: true } });
    cpSync(join(root, "src/styles.css"), join(pkg, "dist/styles.css"));
    for (const file of ["package.json", ".size-limit.cjs"]) cpSync(join(root, file), join(pkg, file));
    symlinkSync(join(root, "node_modules"), join(pkg, "node_modules"), "dir");
    let output: string;
    try {
      output = execFileSync(process.execPath, [join(root, "node_modules/size-limit/bin.js"), "--json"], { cwd: pkg, encoding: "utf8" });
    } catch (error) {
      // size-limit exits 1 when a budget is missed but still prints the figures.
      output = String((error as { stdout?: string }).stdout ?? "");
    }
    return JSON.parse(output.slice(output.indexOf("["))) as SizeEntry[];
  } finally {
    rmSync(pkg, { recursive: true, force: true });
  }
}
