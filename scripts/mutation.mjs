// Mutation testing one folder at a time, then MUTATION.md.
//   npm run test:mutation                      every folder: core, server, react, components
//   npm run test:mutation -- server react      only those (the others keep their last result)
//   npm run test:mutation -- core --force --mutate src/core/FlowIQError.ts
//                                              retests one file's mutants whatever the last run found
//                                              (options after the folders go to Stryker as they are)
// StrykerJS takes hours over all of src/ on a 2-core machine, so each folder is its own run whose
// result is kept in mutation/<folder>.json (Stryker's incremental file, committed): a later run of
// that folder tests only the mutants whose code or covering tests changed since, and MUTATION.md is
// written from every folder's file, whenever each was last run.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { folders as FOLDERS } from "../stryker.config.mjs";

const root = join(import.meta.dirname, "..");

// An unknown folder stops at the config, which names the choices.
const args = process.argv.slice(2);
const firstOption = args.findIndex((arg) => arg.startsWith("-"));
const asked = firstOption === -1 ? args : args.slice(0, firstOption);
const strykerOptions = firstOption === -1 ? [] : args.slice(firstOption);
// A run of some files only says nothing about how long the whole folder takes.
const partial = strykerOptions.includes("--mutate") || strykerOptions.includes("-m");
for (const folder of asked.length > 0 ? asked : FOLDERS) {
  console.log(`\n== src/${folder}`);
  const started = Date.now();
  const file = join(root, "mutation", `${folder}.json`);
  const before = partial && existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).performance : undefined;
  const run = spawnSync("npx", ["stryker", "run", ...strykerOptions], { cwd: root, stdio: "inherit", env: { ...process.env, MUTATION_FOLDER: folder } });
  if (run.status !== 0) {
    console.error(`Stryker stopped on ${folder} (exit ${run.status}); MUTATION.md not rewritten.`);
    process.exit(run.status ?? 1);
  }
  // Stryker writes the file indented and without timings: kept on one line (a fraction of the
  // size in git), with the run's wall time for MUTATION.md.
  const report = JSON.parse(readFileSync(file, "utf8"));
  report.performance = before ?? { setup: 0, initialRun: 0, mutation: Date.now() - started };
  writeFileSync(file, `${JSON.stringify(report)}\n`);
}

const report = spawnSync(process.execPath, [join(root, "scripts/mutation-report.mjs")], { cwd: root, stdio: "inherit" });
process.exit(report.status ?? 1);
