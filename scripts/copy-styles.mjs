// Ships the stylesheet beside the build, with a declaration so TypeScript resolves
// `import "@flowiq/react/styles.css"` under noUncheckedSideEffectImports (TS2882 otherwise).
import { copyFileSync, writeFileSync } from "node:fs";

copyFileSync("src/styles.css", "dist/styles.css");
writeFileSync("dist/styles.d.css.ts", "// The stylesheet has no exports; this file lets TypeScript resolve its import.\nexport {};\n");
