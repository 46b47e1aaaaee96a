// Readies examples/nextjs for `next start` (playwright.config.ts runs it first): packs the
// library's dist/ (from `npm run build`), installs the tarball into the example as a user would
// (`npm ci`; package.json and package-lock.json are left as tracked), and runs `next build`.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const app = join(root, "examples/nextjs");
const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

for (const file of ["dist/index.js", "dist/server.js", "dist/styles.css"]) {
  if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first.`);
}
const work = mkdtempSync(join(tmpdir(), "flowiq-pack-"));
const [packed] = JSON.parse(run("npm", ["pack", "--json", "--loglevel=error", "--pack-destination", work], root));
mkdirSync(join(app, ".flowiq"), { recursive: true });
cpSync(join(work, packed.filename), join(app, ".flowiq/flowiq-react.tgz"));
rmSync(work, { recursive: true, force: true });

if (existsSync(join(app, "node_modules/next"))) {
  // Installed already (a second run on this machine): replace only the library, from the new tarball.
  const target = join(app, "node_modules/@flowiq/react");
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  run("tar", ["-xzf", join(app, ".flowiq/flowiq-react.tgz"), "-C", target, "--strip-components=1"], app);
} else {
  run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], app);
}
for (const file of ["dist/index.js", "dist/server.js", "dist/styles.css"]) {
  if (!readFileSync(join(app, "node_modules/@flowiq/react", file)).equals(readFileSync(join(root, file)))) {
    throw new Error(`examples/nextjs has a stale @flowiq/react: its ${file} is not the one in dist/.`);
  }
}
rmSync(join(app, ".next"), { recursive: true, force: true });
execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: app, stdio: ["ignore", "inherit", "inherit"] });
