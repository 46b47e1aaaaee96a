// Builds the README's "Next.js" section as written: every code block there that starts with a
// file name (`// app/page.tsx`, `# .env.local`) becomes that file of a fresh App Router app in
// examples/nextjs/.readme-app (which reuses the example's installed packages, so run
// scripts/nextjs-example.mjs first), and `next build` runs on it. Prints the app's path.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const example = join(root, "examples/nextjs");
export const readmeApp = join(example, ".readme-app");

/** The files the README's Next.js section writes out, by path. */
export function readmeFiles(readme = readFileSync(join(root, "README.md"), "utf8")) {
  const start = readme.indexOf("## Next.js\n");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const files = new Map();
  for (const [, body] of section.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const named = /^(?:\/\/|#) ((?:app|lib)\/[^\s]+|\.env\.local)/.exec(body);
    if (named) files.set(named[1], body);
  }
  return files;
}

export function buildReadmeApp() {
  const files = readmeFiles();
  rmSync(readmeApp, { recursive: true, force: true });
  for (const [path, body] of files) {
    mkdirSync(dirname(join(readmeApp, path)), { recursive: true });
    writeFileSync(join(readmeApp, path), body);
  }
  // What create-next-app gives, with the workspace root where the packages are installed.
  writeFileSync(join(readmeApp, "next.config.mjs"), `export default { turbopack: { root: ${JSON.stringify(example)} } };\n`);
  writeFileSync(join(readmeApp, "package.json"), JSON.stringify({ private: true, type: "module" }));
  writeFileSync(join(readmeApp, "tsconfig.json"), readFileSync(join(example, "tsconfig.json")));
  execFileSync(process.execPath, [join(example, "node_modules/next/dist/bin/next"), "build"], {
    cwd: readmeApp,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return { files: [...files.keys()] };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.log(buildReadmeApp().files.join("\n"));
}
