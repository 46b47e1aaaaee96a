// Every export of every entry point has a doc comment with an @example (the house rule), checked on
// what TypeDoc reads, so it sees exactly what the reference shows. Exits 1 with the list of misses.
//   node scripts/docs-check.mjs
import { Application, ReflectionKind } from "typedoc";

const app = await Application.bootstrapWithPlugins({ options: "typedoc.json", logLevel: "Error", disableSources: false });
const project = await app.convert();
if (!project) {
  console.error("TypeDoc could not read the entry points.");
  process.exit(1);
}

/** Functions and components keep their comment on the call signature, the rest on the reflection. */
function commentOf(reflection) {
  return reflection.comment ?? reflection.signatures?.find((signature) => signature.comment)?.comment;
}

const seen = new Set();
const undocumented = [];
const noExample = [];
for (const module of project.children ?? []) {
  for (const child of module.children ?? []) {
    // A re-export is checked where it is declared, once however many entry points export it.
    const reflection = child.isReference() ? (child.tryGetTargetReflectionDeep() ?? child) : child;
    if (seen.has(reflection.id)) continue;
    seen.add(reflection.id);
    const source = reflection.sources?.[0] ?? reflection.signatures?.[0]?.sources?.[0];
    const where = `${reflection.name} (${ReflectionKind.singularString(reflection.kind)}, ${source ? `${source.fileName}:${source.line}` : module.name})`;
    const comment = commentOf(reflection);
    if (!comment || comment.summary.every((part) => part.text.trim() === "")) undocumented.push(where);
    else if (!comment.getTag("@example")) noExample.push(where);
  }
}

for (const [title, list] of [
  ["No doc comment", undocumented],
  ["Doc comment without @example", noExample],
]) {
  if (list.length > 0) console.error(`${title} (${list.length}):\n${list.map((item) => `  ${item}`).join("\n")}`);
}
if (undocumented.length + noExample.length > 0) process.exit(1);
console.log(`All ${seen.size} exports have a doc comment with an @example.`);
