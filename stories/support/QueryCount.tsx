import { useQueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";

/**
 * How many queries the story's QueryClient holds, kept current: a hover card that asked for its
 * contact before opening would show here at render, before any request could start.
 */
export function QueryCount() {
  const cache = useQueryClient().getQueryCache();
  const count = useSyncExternalStore(
    (changed) => cache.subscribe(changed),
    () => cache.getAll().length,
    () => 0,
  );
  return (
    <p className="sb-note">
      Contact queries in the cache: <output aria-label="Contact queries in the cache">{count}</output>
    </p>
  );
}
