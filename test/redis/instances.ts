import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "esbuild";
import { stopProcess } from "./redisServer.js";

const root = resolve(import.meta.dirname, "../..");
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
