// The public API report: one API Extractor report per entry point, read from the built dist/*.d.ts.
//   node scripts/api-report.mjs --update   rewrites etc/<entry>.api.md
//   node scripts/api-report.mjs --check    exits 1 with one line when the surface differs from etc/
// Doc comments are not part of the surface, so API Extractor's "(undocumented)" notes are left out:
// adding a doc comment never makes the check fail, adding or changing an export always does.
import { CompilerState, Extractor, ExtractorConfig } from "@microsoft/api-extractor";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const mode = process.argv[2];
if (mode !== "--update" && mode !== "--check") {
  console.error("Usage: node scripts/api-report.mjs --update | --check");
  process.exit(2);
}

const entries = [
  { name: "index", config: "api-extractor.json" },
  { name: "server", config: "api-extractor.server.json" },
  { name: "msw", config: "api-extractor.msw.json" },
  { name: "locales", config: "api-extractor.locales.json" },
];

const configs = entries.map((entry) => ({ ...entry, prepared: ExtractorConfig.loadFileAndPrepare(join(root, entry.config)) }));
for (const { prepared } of configs) {
  if (!existsSync(prepared.mainEntryPointFilePath)) {
    console.error(`${prepared.mainEntryPointFilePath} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

// One TypeScript program for the four entry points instead of one each.
const compilerState = CompilerState.create(configs[0].prepared, {
  additionalEntryPoints: configs.slice(1).map(({ prepared }) => prepared.mainEntryPointFilePath),
});

// The notes on forgotten exports name a line of dist/*.d.ts, which moves when a comment grows: the
// file is kept, the line and column dropped.
const normalize = (text) =>
  text
    .replace(/\r\n/g, "\n")
    .replace(/ \(undocumented\)$/gm, "")
    .replace(/^(\/\/ \S+\.d\.ts):\d+:\d+ - /gm, "$1 - ");
const changed = [];
mkdirSync(join(root, "etc"), { recursive: true });

for (const { name, prepared } of configs) {
  const result = Extractor.invoke(prepared, {
    localBuild: true,
    compilerState,
    messageCallback(message) {
      // The bundled TypeScript's version line is noise here; real problems still print.
      if (message.messageId === "console-compiler-version-notice" || message.logLevel === "verbose" || message.logLevel === "info") {
        message.handled = true;
      }
    },
  });
  if (!result.succeeded) {
    console.error(`API Extractor failed for ${name} (${result.errorCount} errors).`);
    process.exit(1);
  }
  const fresh = normalize(readFileSync(join(prepared.reportTempFolder, `${name}.api.md`), "utf8"));
  const committedPath = join(root, "etc", `${name}.api.md`);
  const committed = existsSync(committedPath) ? readFileSync(committedPath, "utf8") : undefined;
  if (fresh === committed) continue;
  changed.push(`etc/${name}.api.md`);
  if (mode === "--update") writeFileSync(committedPath, fresh);
}

if (mode === "--check" && changed.length > 0) {
  console.error(`Public API changed (${changed.join(", ")}): run \`npm run api:update\` and commit etc/*.api.md.`);
  process.exit(1);
}
if (mode === "--update") console.log(changed.length > 0 ? `Updated ${changed.join(", ")}.` : "The API reports are up to date.");
