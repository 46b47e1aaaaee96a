export declare const DEBIAN_REDIS: string;
/** The redis-server already on this machine, or undefined; never installs anything. */
export declare function findRedis(): string | undefined;
/** The path of a redis-server to start, installing Debian's when missing on a Debian root machine. */
export declare function ensureRedis(): string;
