export declare const DEBIAN_CHROMIUM: string;
/** The flags every headless run here needs (a closed network, no GPU, root in a sandbox). */
export declare const CHROMIUM_ARGS: string[];
/** The Chromium already on this machine, or undefined; never installs anything. */
export declare function findChromium(): string | undefined;
/**
 * The path of a Chromium to launch: $CHROMIUM_PATH, else /usr/bin/chromium,
 * else (Debian, root) after `apt-get install -y chromium`; otherwise throws
 * one line saying what to install.
 */
export declare function ensureChromium(): string;
