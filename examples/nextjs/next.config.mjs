/** @type {import("next").NextConfig} */
const nextConfig = {
  // The example lives inside the library's repo, which has its own lockfile:
  // pin the workspace root here so Turbopack does not guess the parent.
  turbopack: { root: import.meta.dirname },
  poweredByHeader: false,
};

export default nextConfig;
