// @ts-check
import fs from 'node:fs';

// The upload limits (lib/upload-limits.ts): nginx, Next and the forms enforce one set of numbers.
const uploadMb = JSON.parse(fs.readFileSync(new URL('./lib/upload-limits.json', import.meta.url), 'utf8'));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and extension files that the bundler must not rewrite.
  // pino and prom-client stay plain Node modules: the launcher (scripts/start.mjs) and the
  // bundle share their logger and metrics registry through globalThis.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'pino', 'prom-client'],
  poweredByHeader: false,
  // nginx compresses (deploy/nginx): done here, every page was gzipped on the instance's own
  // event loop at zlib's default level, 1–3 ms of CPU per page (bench:load).
  compress: false,
  typedRoutes: false,
  // `npm test` checks the types in a step of its own (next typegen, then tsc on the same
  // tsconfig that Next's build would use) before it builds; checking them again in the build
  // took 50 s of the CI run.
  typescript: { ignoreBuildErrors: process.env.TOOLAUD_TYPES_CHECKED === '1' },
  experimental: {
    serverActions: {
      // Server actions accept only the portal's own origin; PORTAL_ORIGIN adds the
      // public host name when the portal runs behind a proxy.
      allowedOrigins: process.env.PORTAL_ORIGIN ? [process.env.PORTAL_ORIGIN] : [],
      // The largest upload: a registration with 100 MB of scans (lib/upload-limits.ts).
      bodySizeLimit: `${uploadMb.requestMb}mb`,
    },
    // proxy.ts runs on every path, so Next buffers each request body for it, by default only
    // its first 10 MB: a larger upload reached the action cut off and failed with a 500.
    proxyClientMaxBodySize: `${uploadMb.requestMb}mb`,
    // A fresh CI machine never reads Turbopack's build cache again: writing it took 44 s.
    turbopackFileSystemCacheForBuild: process.env.TOOLAUD_BUILD_CACHE !== 'off',
  },
};

export default nextConfig;
