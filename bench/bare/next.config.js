// @ts-check
/** @type {import('next').NextConfig} */
// Served as the portal is: nginx compresses, the instance does not (../../next.config.js).
const nextConfig = { poweredByHeader: false, compress: false };

export default nextConfig;
