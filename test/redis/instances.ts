import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { build } from "esbuild";
import { stopProcess } from "./redisServer.js";

/** The library's own folder, found upwards from here (this file also runs bundled, from node_modules/.cache). */
export function repoRoot(from = import.meta.dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = resolve(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "@flowiq/react") return dir;
  }
  throw new Error("Could not find the @flowiq/react folder above " + from);
}

const root = repoRoot();
const outfile = resolve(root, "node_modules/.cache/flowiq-instance/instance.mjs");

/** Bundles test/redis/instance.ts (the library from src/, packages left to node_modules). */
export async function buildInstance(): Promise<string> {
  mkdirSync(resolve(outfile, ".."), { recursive: true });
  await build({
    entryPoints: [resolve(root, "test/redis/instance.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    outfile,
  });
  return outfile;
}

export type Instance = { origin: string; process: ChildProcess; stop(): Promise<void> };

/** Starts one app instance in a process of its own; resolves once it listens. */
export function startInstance(script: string, env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  process.once("exit", () => child.kill("SIGKILL"));
  return new Promise((resolvePromise, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`instance did not start within 15 s: ${output}`)), 15_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n")[0];
      if (output.includes("\n") && line) {
        clearTimeout(timer);
        const { port } = JSON.parse(line) as { port: number };
        resolvePromise({ origin: `http://127.0.0.1:${port}`, process: child, stop: () => stopProcess(child) });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`instance exited (${code}) before it listened: ${output}`));
    });
  });
}
