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
    // Test files share their worker's module cache instead of each starting a fresh process and
    // importing everything again: that start-up was most of the suite's time. Tests keep no
    // global state between files (each server has its own metrics registry, fake timers are
    // restored after each test, mocks by `restoreMocks`).
    isolate: false,
  },
});
