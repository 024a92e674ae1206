import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractHashtags } from './extract-hashtags';

interface ConformanceCase {
  description: string;
  text: string;
  expected: string[];
}

/**
 * twitter-text's own conformance cases (`extract.yml`, section `hashtags`), kept outside the
 * repository in a `shared/conformance` folder beside it. A clone without that folder skips this
 * file; the differential test and the hand-written cases cover the rules on their own.
 */
const conformanceFolder = fileURLToPath(
  new URL('../../../../shared/conformance/', import.meta.url),
);
const conformanceFile = `${conformanceFolder}twitter-text-hashtags.json`;
const hasConformanceCases = existsSync(conformanceFile);

if (!hasConformanceCases) {
  console.info(
    `extract-hashtags conformance: ${conformanceFolder} is absent, skipping twitter-text's ` +
      'conformance cases (place that folder beside the repository to run them).',
  );
}

const conformanceCases: ConformanceCase[] = hasConformanceCases
  ? (JSON.parse(readFileSync(conformanceFile, 'utf8')) as ConformanceCase[])
  : [];

describe.skipIf(!hasConformanceCases)(
  'extractHashtags: twitter-text conformance (extract.yml, hashtags)',
  () => {
    it('has cases to run', () => {
      expect(conformanceCases.length).toBeGreaterThan(50);
    });

    it.each(conformanceCases.map((c) => [c.description, c] as const))('%s', (_name, testCase) => {
      expect(extractHashtags(testCase.text)).toEqual(testCase.expected);
    });
  },
);
