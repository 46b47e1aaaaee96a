// Finds the redis-server that the shared-cache tests start (on a free 127.0.0.1 port, nothing
// saved to disk, stopped by the tests): $REDIS_SERVER_PATH, else Debian's /usr/bin/redis-server,
// installed with apt-get when this is Debian and we are root.
//
//   import { ensureRedis } from "./scripts/ensure-redis.mjs";
//   node scripts/ensure-redis.mjs   # prints the path, or one line saying what to install
import { execFileSync } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const DEBIAN_REDIS = "/usr/bin/redis-server";

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isDebian() {
  try {
    return /^ID(_LIKE)?=.*\bdebian\b/m.test(readFileSync("/etc/os-release", "utf8"));
  } catch {
    return false;
  }
}

/** The redis-server already on this machine, or undefined; never installs anything. */
export function findRedis() {
  const fromEnv = process.env.REDIS_SERVER_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`REDIS_SERVER_PATH is set to ${fromEnv}, which is not an executable file.`);
    return fromEnv;
  }
  return isExecutable(DEBIAN_REDIS) ? DEBIAN_REDIS : undefined;
}

/**
 * The path of a redis-server to start: $REDIS_SERVER_PATH, else
 * /usr/bin/redis-server, else (Debian, root) after `apt-get install -y
 * redis-server`; otherwise throws one line saying what to install. The
 * package's own service is never started (the tests start their own).
 */
export function ensureRedis() {
  const found = findRedis();
  if (found) return found;
  if (isDebian() && process.getuid?.() === 0) {
    console.error("[ensure-redis] redis-server not found; installing Debian's redis-server with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update"], { stdio: ["ignore", "ignore", "inherit"], env });
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "redis-server"], {
      stdio: ["ignore", "ignore", "inherit"],
      env,
    });
    if (isExecutable(DEBIAN_REDIS)) return DEBIAN_REDIS;
  }
  throw new Error(
    "redis-server is needed for the shared-cache tests: install it (Debian/Ubuntu: `sudo apt-get install redis-server`; macOS: `brew install redis`) or set REDIS_SERVER_PATH to a redis-server executable.",
  );
}

// Run as a script, not when bundled into another one (bench/proxyLoad.ts bundles the test helpers).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[1].endsWith("ensure-redis.mjs")) {
  try {
    console.log(ensureRedis());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
