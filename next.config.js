// @ts-check
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
  experimental: {
    serverActions: {
      // Server actions accept only the portal's own origin; PORTAL_ORIGIN adds the
      // public host name when the portal runs behind a proxy.
      allowedOrigins: process.env.PORTAL_ORIGIN ? [process.env.PORTAL_ORIGIN] : [],
      // The register takes up to 100 MB of scans per document (ATTACHMENT/DOCUMENT_MAX_MB).
      bodySizeLimit: '110mb',
    },
  },
};

export default nextConfig;
