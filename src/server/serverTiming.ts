/**
 * What one answer cost, for the app's own monitoring as a `Server-Timing`
 * header: `cache;desc="hit"` (all from the cache), `"miss"`, `"partial"` (a
 * batch of both) or `"off"`; `upstream;dur=…` the longest upstream call it
 * waited for; `total;dur=…`. Only fixed words and durations: never a key, a
 * tenant or a phone number.
 */
export type ServerTiming = {
  hit(): void;
  miss(upstreamMs?: number): void;
  header(): string;
};

export function createServerTiming(cacheOn: boolean, now: () => number = () => performance.now()): ServerTiming {
  const started = now();
  let hits = 0;
  let misses = 0;
  let upstream: number | undefined;
  const ms = (value: number) => Math.max(0, value).toFixed(1);
  return {
    hit() {
      hits += 1;
    },
    miss(upstreamMs) {
      misses += 1;
      if (upstreamMs !== undefined && Number.isFinite(upstreamMs)) upstream = Math.max(upstream ?? 0, upstreamMs);
    },
    header() {
      const cache = !cacheOn ? "off" : hits > 0 && misses > 0 ? "partial" : hits > 0 ? "hit" : "miss";
      const parts = [`cache;desc="${cache}"`];
      if (upstream !== undefined) parts.push(`upstream;dur=${ms(upstream)}`);
      parts.push(`total;dur=${ms(now() - started)}`);
      return parts.join(", ");
    },
  };
}
