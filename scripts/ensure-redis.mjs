// Finds the redis-server that the shared-cache tests start (on a free 127.0.0.1 port, nothing
// saved to disk, stopped by the tests): $REDIS_SERVER_PATH, else Debian's /usr/bin/redis-server,
// installed with apt-get when this is Debian and we are root.
//
//   import { ensureRedis } from "./scripts/ensure-redis.mjs";
//   node scripts/ensure-redis.mjs   # prints the path, or one line saying what to install
import { ensureTool, findTool, printWhenRun } from "./debian-tool.mjs";

export const DEBIAN_REDIS = "/usr/bin/redis-server";
const TOOL = { envVar: "REDIS_SERVER_PATH", debianPath: DEBIAN_REDIS };

/** The redis-server already on this machine, or undefined; never installs anything. */
export function findRedis() {
  return findTool(TOOL);
}

/**
 * The path of a redis-server to start: $REDIS_SERVER_PATH, else
 * /usr/bin/redis-server, else (Debian, root) after `apt-get install -y
 * redis-server`; otherwise throws one line saying what to install. The
 * package's own service is never started (the tests start their own).
 */
export function ensureRedis() {
  return ensureTool({
    ...TOOL,
    debianPackage: "redis-server",
    name: "redis",
    missing:
      "redis-server is needed for the shared-cache tests: install it (Debian/Ubuntu: `sudo apt-get install redis-server`; macOS: `brew install redis`) or set REDIS_SERVER_PATH to a redis-server executable.",
  });
}

printWhenRun(import.meta.url, "ensure-redis.mjs", ensureRedis);
