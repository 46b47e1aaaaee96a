import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { ensureRedis } from "../../scripts/ensure-redis.mjs";

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Ends a child process and waits for it to be gone (SIGKILL if it lingers). */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

const running = new Set<ChildProcess>();
// Whatever happens to the test run, no redis-server outlives it.
process.once("exit", () => running.forEach((child) => child.kill("SIGKILL")));

export type RedisServer = {
  port: number;
  url: string;
  /** Stops the server (its data goes with it: nothing is saved). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
};

/** Debian's redis-server on a free 127.0.0.1 port, saving nothing to disk, ready when this resolves. */
export async function startRedis(): Promise<RedisServer> {
  const binary = ensureRedis();
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const started = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.add(started);
    started.once("exit", () => running.delete(started));
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
      started.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
      started.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
      });
    });
  }

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child) await stopProcess(child);
    },
    start,
  };
}
