/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (server/) serves Next; the production image ships `.next` and node_modules.
  typedRoutes: false,
};

export default nextConfig;
