/**
 * Starts the files that take longest first, so that they overlap with each other and with the
 * many short ones instead of one of them running alone at the end. Vitest's own order puts the
 * slowest first only once its cache has timed a run (a fresh clone, as in CI, has none: it goes
 * by file size); this list holds from the first run. The rest keep vitest's order.
 */
import { relative } from 'node:path';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

/** In the order they start; the slowest-files table of docs/testing.md. */
export const SLOW_FILES_FIRST = [
  // Waits for the Next production build (made once, reused while the sources are unchanged).
  'tests/browser/views.test.ts',
  'server/cluster/cluster.integration.test.ts',
  'server/sources/fixture/replay-parse-workers.test.ts',
  'bench/trending/trending-eval.test.ts',
  'tests/browser/dashboard.test.ts',
  'lib/trends/job/trends-job-results.test.ts',
  'server/sources/fixture/bad-fixtures.integration.test.ts',
  'server/main.test.ts',
  'server/sources/x/x-sources.integration.test.ts',
  'scripts/record.test.ts',
  'tests/browser/hostile-tags.test.ts',
];

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = SLOW_FILES_FIRST.indexOf(relative(spec.project.config.root, spec.moduleId));
      return index === -1 ? SLOW_FILES_FIRST.length : index;
    };
    // A stable sort: the files not listed keep vitest's order among themselves.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
