// Finds the Chromium that browser tests drive with playwright-core. No step
// ever downloads a browser of its own: it is $CHROMIUM_PATH, else Debian's
// /usr/bin/chromium, installed with apt-get when this is Debian and we are root.
//
//   import { ensureChromium } from "./scripts/ensure-chromium.mjs";
//   node scripts/ensure-chromium.mjs   # prints the path, or one line saying what to install
import { ensureTool, findTool, printWhenRun } from "./debian-tool.mjs";

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

/** The Chromium already on this machine, or undefined; never installs anything. */
export function findChromium() {
  return findTool({ envVar: "CHROMIUM_PATH", debianPath: DEBIAN_CHROMIUM });
}

/**
 * The path of a Chromium to launch: $CHROMIUM_PATH, else /usr/bin/chromium,
 * else (Debian, root) after `apt-get install -y chromium`; otherwise throws
 * one line saying what to install.
 */
export function ensureChromium() {
  return ensureTool({
    envVar: "CHROMIUM_PATH",
    debianPath: DEBIAN_CHROMIUM,
    debianPackage: "chromium",
    name: "chromium",
    missing:
      "Chromium is needed for the browser tests: install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  });
}

printWhenRun(import.meta.url, "ensure-chromium.mjs", ensureChromium);
