import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./', import.meta.url)) },
  },
  test: {
    include: ['{lib,server,app,components,scripts,bench,tests}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', '.next/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 180_000,
    restoreMocks: true,
  },
});
