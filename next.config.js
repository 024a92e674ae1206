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
    // The browser tests build the same bundle without the build's own type check (a third of
    // the build's time): `npm run typecheck` checks those files with the rest of the repository.
    ignoreBuildErrors: process.env.TAGSTREAM_BUILD_WITHOUT_TYPECHECK === '1',
  },
};

export default nextConfig;
