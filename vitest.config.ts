import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

/**
 * The files that take longest (the table in docs/testing.md), in the order they start, so that
 * they overlap with each other and with the many short ones instead of one of them running
 * alone at the end. Vitest's own order puts the slowest first only once its cache has timed a
 * run; a fresh clone (as in CI) has none and goes by file size.
 */
const SLOW_FILES_FIRST = [
  // The two browser files and the cluster's child processes mostly wait (on Chromium, on real
  // time, on leases to expire): each takes a worker of its own from the start.
  'tests/browser/views.test.ts',
  'tests/browser/dashboard.test.ts',
  'server/cluster/cluster.integration.test.ts',
  'bench/trending/trending-eval.test.ts',
  'tests/browser/layout-shift.test.ts',
  'tests/browser/post-author-shift.test.ts',
  'server/sources/fixture/replay-parse-workers.test.ts',
  'lib/trends/job/trends-job-results.test.ts',
  'lib/trends/job/trends-job-views-results.test.ts',
  'server/main.test.ts',
  'server/sources/x/x-sources.integration.test.ts',
  'server/sources/fixture/bad-fixtures.integration.test.ts',
  'scripts/record.test.ts',
  'scripts/fixture/write-fixture.test.ts',
  'tests/browser/hostile-tags.test.ts',
];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = SLOW_FILES_FIRST.indexOf(relative(spec.project.config.root, spec.moduleId));
      return index === -1 ? SLOW_FILES_FIRST.length : index;
    };
    // A stable sort: the other files keep vitest's order among themselves.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./', import.meta.url)) },
  },
  test: {
    include: ['{lib,server,app,components,scripts,bench,tests}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', '.next/**'],
    environment: 'node',
    // Hang guards, not time limits: a test waits on what it checks; on a machine busy with other
    // work a replay or a child process start takes several times what it takes when idle.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    restoreMocks: true,
    // Much of the suite's time is spent waiting: on child processes, servers, Chromium, the
    // lease of a killed holder, a replay at 1×. Vitest's default on a 2-core machine is one
    // worker (cores − 1), which then runs every file one after the other; two overlap the
    // waits. More than the cores starve the tests that watch real time (stall watchdogs, lease
    // renewals, child processes starting) on a machine that is busy anyway.
    maxWorkers: 3,
    sequence: { sequencer: SlowFirstSequencer },
    // `expect.poll` waits for something observable; its default of 1 s is a wall-clock bound
    // that a busy machine overruns (a hydrating page, a socket update in flight).
    expect: { poll: { timeout: 15_000 } },
    // Test files share their worker's module cache instead of each starting a fresh process and
    // importing everything again: that start-up was most of the suite's time. Tests keep no
    // global state between files (each server has its own metrics registry, fake timers are
    // restored after each test, mocks by `restoreMocks`).
    isolate: false,
    // Transformed modules are kept on disk (in node_modules, so a reinstall clears them): a run
    // after the first transforms only the files that changed, where each run transformed every
    // file again (docs/testing.md gives what it saves).
    experimental: { fsModuleCache: true },
  },
});
