// Finds the Chromium that browser tests drive with playwright-core. No step
// ever downloads a browser of its own: it is $CHROMIUM_PATH, else Debian's
// /usr/bin/chromium, installed with apt-get when this is Debian and we are root.
//
//   import { ensureChromium } from "./scripts/ensure-chromium.mjs";
//   node scripts/ensure-chromium.mjs   # prints the path, or one line saying what to install
import { execFileSync } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** The flags every headless run here needs (a closed network, no GPU, root in a sandbox). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

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

/** The Chromium already on this machine, or undefined; never installs anything. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.`);
    return fromEnv;
  }
  return isExecutable(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

/**
 * The path of a Chromium to launch: $CHROMIUM_PATH, else /usr/bin/chromium,
 * else (Debian, root) after `apt-get install -y chromium`; otherwise throws
 * one line saying what to install.
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (isDebian() && process.getuid?.() === 0) {
    console.error("[ensure-chromium] Chromium not found; installing Debian's chromium with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update"], { stdio: ["ignore", "ignore", "inherit"], env });
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
      stdio: ["ignore", "ignore", "inherit"],
      env,
    });
    if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  throw new Error(
    "Chromium is needed for the browser tests: install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
