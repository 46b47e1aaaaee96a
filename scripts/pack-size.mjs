// `npm run bench:pack`: what `npm pack` would publish (run `npm run build` first), as figures in
// bench/pack-size.json and as the "Package tarball" section of BENCHMARKS.md, updated in place.
// bench/report.ts prints the same section from bench/pack-size.json when `npm run bench` rewrites
// the whole file, so neither command loses the other's figures.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = join(import.meta.dirname, "..");
const FIGURES = join(root, "bench/pack-size.json");
const HEADING = "## Package tarball";

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** The section's lines from the figures, or none when `npm run bench:pack` has never run. */
export function packSection() {
  if (!existsSync(FIGURES)) return [];
  const pack = JSON.parse(readFileSync(FIGURES, "utf8"));
  return [
    HEADING,
    "",
    `\`npm pack\` of ${pack.id} (\`npm run bench:pack\`, ${pack.date}): what \`npm install\` downloads. The package ships`,
    "`dist/` (JavaScript, declarations, `styles.css`), README.md, CHANGELOG.md, LICENSE and package.json; no stories, tests or examples.",
    "",
    "| tarball (gzip) | unpacked | files | of them outside `dist/` |",
    "|---|---|---|---|",
    `| ${kb(pack.size)} | ${kb(pack.unpackedSize)} | ${pack.entryCount} | ${pack.outsideDist.join(", ")} |`,
    "",
  ];
}

function measure() {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const [pack] = JSON.parse(execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  if (!pack.files.some((file) => file.path.startsWith("dist/"))) throw new Error("dist/ is empty: run `npm run build` first.");
  const figures = {
    id: pack.id,
    date: new Date().toISOString().slice(0, 10),
    size: pack.size,
    unpackedSize: pack.unpackedSize,
    entryCount: pack.entryCount,
    outsideDist: pack.files.map((file) => file.path).filter((path) => !path.startsWith("dist/")).sort(),
  };
  writeFileSync(FIGURES, `${JSON.stringify(figures, null, 2)}\n`);
  return figures;
}

/** Replaces the section in BENCHMARKS.md, or adds it before "What changed" (else at the end). */
function updateBenchmarks() {
  const path = join(root, "BENCHMARKS.md");
  const text = readFileSync(path, "utf8");
  const section = packSection().join("\n");
  const start = text.indexOf(`${HEADING}\n`);
  let next;
  if (start >= 0) {
    const after = text.indexOf("\n## ", start + HEADING.length);
    next = text.slice(0, start) + section + (after >= 0 ? text.slice(after + 1) : "");
  } else {
    const changes = text.indexOf("## What changed");
    next = changes >= 0 ? `${text.slice(0, changes)}${section}\n${text.slice(changes)}` : `${text.trimEnd()}\n\n${section}`;
  }
  writeFileSync(path, next);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const figures = measure();
  updateBenchmarks();
  console.log(`${figures.id}: ${kb(figures.size)} packed, ${kb(figures.unpackedSize)} unpacked, ${figures.entryCount} files.`);
}
