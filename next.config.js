/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (server/) serves Next; the production image ships `.next` and node_modules.
  typedRoutes: false,
  typescript: {
    // `next build` type-checks the dashboard and what it imports; the whole repository (server,
    // tests) is checked by `npm run typecheck`, so the build does not redo it.
    tsconfigPath: 'tsconfig.next.json',
  },
};

export default nextConfig;
