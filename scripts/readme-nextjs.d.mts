/** Where the README's Next.js files are built: examples/nextjs/.readme-app. */
export declare const readmeApp: string;
/** The files the README's Next.js section writes out (path → text): the code blocks that start with a file name. */
export declare function readmeFiles(readme?: string): Map<string, string>;
/** Writes those files into a fresh app at `readmeApp` and runs `next build` there; throws when the build fails. */
export declare function buildReadmeApp(): { files: string[] };
