import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './tests/support/slow-first-sequencer';

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
    // Much of the suite's time is spent waiting: on child processes, servers, Chromium, the
    // lease of a killed holder, a replay at 1×. Vitest's default on a 2-core machine is one
    // worker (cores − 1), which then runs every file one after the other; two overlap the
    // waits. More than the cores starve the tests that watch real time (stall watchdogs, lease
    // renewals, child processes starting) on a machine that is busy anyway.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirstSequencer },
    // `expect.poll` waits for something observable; its default of 1 s is a wall-clock bound
    // that a busy machine overruns (a hydrating page, a socket update in flight).
    expect: { poll: { timeout: 15_000 } },
    // Test files share their worker's module cache instead of each starting a fresh process and
    // importing everything again: that start-up was most of the suite's time. Tests keep no
    // global state between files (each server has its own metrics registry, fake timers are
    // restored after each test, mocks by `restoreMocks`).
    isolate: false,
  },
});
