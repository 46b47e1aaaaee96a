// Turns StrykerJS's reports, one per folder (mutation/<folder>.json, written by scripts/mutation.mjs),
// into MUTATION.md: the score per folder, then every surviving mutant with file:line, mutator and
// change, and why it is harmless when someone has said so in mutation-equivalents.json.
//   node scripts/mutation-report.mjs [report.json …]      (npm run test:mutation runs it after Stryker)
// mutation-equivalents.json maps a survivor's key to the reason it cannot be killed. The key is
// "file | mutator | original code -> replacement" (no line number, so it outlives edits elsewhere
// in the file); the script prints the keys of unexplained survivors to paste there.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { folders as FOLDERS } from "../stryker.config.mjs";

const root = join(import.meta.dirname, "..");
const reportPaths =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(join(root, "mutation"))
        .filter((name) => name.endsWith(".json"))
        .map((name) => join(root, "mutation", name));
/** Each run's report: its files, and how long its first (unmutated) run and its mutants took. */
const runs = reportPaths.map((path) => ({ name: basename(path, ".json"), report: JSON.parse(readFileSync(path, "utf8")) }));
const report = { files: Object.assign({}, ...runs.map((run) => run.report.files)) };
const equivalentsPath = join(root, "mutation-equivalents.json");
const equivalents = existsSync(equivalentsPath) ? JSON.parse(readFileSync(equivalentsPath, "utf8")) : {};

// Stryker's own definition: detected = killed + timed out; the score is detected over valid
// mutants (detected + survived + no coverage). Ignored (static) and invalid ones are not in it.
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

/** src/core, src/server, src/react, src/components/<Component>, else the file's folder. */
function folderOf(file) {
  const parts = file.split("/");
  if (parts[1] === "components" && parts.length > 3) return parts.slice(0, 3).join("/");
  return parts.slice(0, -1).join("/");
}

/** The mutated code as written, on one line, short enough for a table. */
function originalOf(source, { start, end }) {
  const lines = source.split("\n");
  let text;
  if (start.line === end.line) text = lines[start.line - 1].slice(start.column - 1, end.column - 1);
  else text = [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join(" ");
  return text.replace(/\s+/g, " ").trim();
}

const clip = (text, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const cell = (text) => `\`${clip(text).replace(/`/g, "'").replace(/\|/g, "\\|")}\``;
const percent = (detected, valid) => (valid === 0 ? "n/a" : `${((100 * detected) / valid).toFixed(1)} %`);

const folders = new Map();
const survivors = [];
let ignored = 0;
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  const relative = file.replace(/\\/g, "/").replace(/^.*?(?=src\/)/, "");
  const folder = folderOf(relative);
  const tally = folders.get(folder) ?? { detected: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0 };
  folders.set(folder, tally);
  for (const mutant of mutants) {
    if (mutant.status === "Ignored") {
      tally.ignored += 1;
      ignored += 1;
    }
    if (DETECTED.has(mutant.status)) tally.detected += 1;
    if (mutant.status === "Timeout") tally.timeout += 1;
    if (mutant.status === "Survived") tally.survived += 1;
    if (mutant.status === "NoCoverage") tally.noCoverage += 1;
    if (!UNDETECTED.has(mutant.status)) continue;
    const original = originalOf(source, mutant.location);
    const key = `${relative} | ${mutant.mutatorName} | ${original} -> ${mutant.replacement ?? ""}`;
    survivors.push({ relative, line: mutant.location.start.line, mutant, original, key, why: equivalents[key] });
  }
}

const fileNames = Object.keys(report.files).map((file) => file.replace(/\\/g, "/").replace(/^.*?(?=src\/)/, ""));
const rows = [...folders.entries()].sort(([a], [b]) => a.localeCompare(b));
const total = rows.reduce((sum, [, t]) => ({ detected: sum.detected + t.detected, valid: sum.valid + t.detected + t.survived + t.noCoverage }), { detected: 0, valid: 0 });
survivors.sort((a, b) => a.relative.localeCompare(b.relative) || a.line - b.line);
const unexplained = survivors.filter((s) => !s.why);

const minutes = (run) => {
  const { initialRun = 0, mutation = 0 } = run.report.performance ?? {};
  return `${run.name} ${Math.round((initialRun + mutation) / 60000)} min`;
};
const notRun = FOLDERS.filter((folder) => !runs.some((run) => run.name === folder));

const lines = [
  "# Mutation score",
  "",
  "How many deliberate small breaks of the library's code the unit tests catch, measured by",
  "[StrykerJS](https://stryker-mutator.io/) with its Vitest runner (`npm run test:mutation`, which rewrites this file).",
  "A mutant is one such break (a condition flipped, a string emptied, a call removed); it is *killed* when a test",
  "fails, *timed out* when the tests hang on it (also caught), and *survives* when every test still passes.",
  "The score is caught ÷ (caught + survived + not covered by any test). Mutants in module-level code (constants",
  "set once on import) are not run: each would need the whole suite.",
  "",
  `Generated from ${runs.length === 1 ? "a run" : "runs"} of ${survivors.length + total.detected + ignored} mutants in ${fileNames.length} files` +
    (fileNames.length <= 5 ? ` (${fileNames.join(", ")})` : "") +
    `, one run per folder on a 2-core machine (${runs.map(minutes).join(", ")}; a rerun tests only what changed).` +
    (notRun.length > 0 ? ` Not run yet: ${notRun.map((folder) => `src/${folder}`).join(", ")}.` : ""),
  "",
  "| folder | score | caught (of them timed out) | survived | not covered | not run (module-level) |",
  "| --- | --- | --- | --- | --- | --- |",
  ...rows.map(
    ([folder, t]) =>
      `| ${folder} | ${percent(t.detected, t.detected + t.survived + t.noCoverage)} | ${t.detected} (${t.timeout}) | ${t.survived} | ${t.noCoverage} | ${t.ignored} |`,
  ),
  `| **all** | **${percent(total.detected, total.valid)}** | ${total.detected} | ${survivors.filter((s) => s.mutant.status === "Survived").length} | ${survivors.filter((s) => s.mutant.status === "NoCoverage").length} | ${ignored} |`,
  "",
  "## Surviving mutants",
  "",
  survivors.length === 0
    ? "None."
    : `${survivors.length} survived, ${survivors.length - unexplained.length} of them explained as equivalent (no test can tell them apart from the real code).`,
  "",
];
if (survivors.length > 0) {
  lines.push("| where | mutator | code → mutant | status | why it survives |", "| --- | --- | --- | --- | --- |");
  for (const s of survivors) {
    lines.push(
      `| ${s.relative}:${s.line} | ${s.mutant.mutatorName} | ${cell(s.original)} → ${cell(s.mutant.replacement ?? "")} | ${s.mutant.status === "NoCoverage" ? "not covered" : "survived"} | ${s.why ?? "**not yet explained: kill it with a test or say why it is equivalent**"} |`,
    );
  }
  lines.push("");
}
writeFileSync(join(root, "MUTATION.md"), lines.join("\n"));
console.log(`MUTATION.md: ${percent(total.detected, total.valid)} overall, ${survivors.length} survivors (${unexplained.length} unexplained).`);
if (unexplained.length > 0) {
  console.log("Keys of the unexplained survivors, for mutation-equivalents.json:");
  for (const s of unexplained) console.log(`  ${JSON.stringify(s.key)}`);
}
