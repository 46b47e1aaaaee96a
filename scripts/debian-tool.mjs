// Finds a program the tests need on this machine, never downloading one of its own: the path in
// an environment variable, else Debian's, installed with apt-get when this is Debian and we are
// root; otherwise one line saying what to install. Used by ensure-chromium.mjs and ensure-redis.mjs.
import { execFileSync } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

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

/** The program already here ($envVar, else debianPath), or undefined; never installs anything. */
export function findTool({ envVar, debianPath }) {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`${envVar} is set to ${fromEnv}, which is not an executable file.`);
    return fromEnv;
  }
  return isExecutable(debianPath) ? debianPath : undefined;
}

/** findTool, else `apt-get install -y <debianPackage>` on a Debian root machine, else throws `missing`. */
export function ensureTool({ envVar, debianPath, debianPackage, name, missing }) {
  const found = findTool({ envVar, debianPath });
  if (found) return found;
  if (isDebian() && process.getuid?.() === 0) {
    console.error(`[ensure-${name}] ${name} not found; installing Debian's ${debianPackage} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update"], { stdio: ["ignore", "ignore", "inherit"], env });
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", debianPackage], {
      stdio: ["ignore", "ignore", "inherit"],
      env,
    });
    if (isExecutable(debianPath)) return debianPath;
  }
  throw new Error(missing);
}

/** Prints the path when `moduleUrl` is the script node was asked to run (not when it is bundled into another). */
export function printWhenRun(moduleUrl, scriptName, ensure) {
  const ran = process.argv[1];
  if (!ran || !ran.endsWith(scriptName) || fileURLToPath(moduleUrl) !== ran) return;
  try {
    console.log(ensure());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
