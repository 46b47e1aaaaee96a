// Installs the packed tarball into a fresh app, the way a user installs it, and
// checks every entry point from there: resolution, "use client" placement,
// getContact against a real HTTP stand-in, MSW helpers, and server rendering.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "flowiq-pack-"));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });

try {
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], root));
  const tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  const app = join(work, "app");
  run("mkdir", ["-p", app], work);
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")).packages;
  const version = (name) => lock[`node_modules/${name}`].version;
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({
      name: "pack-check",
      private: true,
      type: "module",
      dependencies: {
        "@flowiq/react": `file:${tarball}`,
        react: version("react"),
        "react-dom": version("react-dom"),
        "@tanstack/react-query": version("@tanstack/react-query"),
        msw: version("msw"),
      },
    }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], app);
  writeFileSync(join(app, "check.mjs"), readFileSync(join(import.meta.dirname, "pack-check.mjs"), "utf8"));
  process.stdout.write(run("node", ["check.mjs", JSON.stringify(files)], app));
} finally {
  rmSync(work, { recursive: true, force: true });
}
