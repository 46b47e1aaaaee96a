/** The "Package tarball" section of BENCHMARKS.md, from bench/pack-size.json; empty when it was never measured. */
export declare function packSection(): string[];
