import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFixture } from '@/scripts/fixture/write-fixture';
import type { BenchInput } from './bench-input';

/** The bench lines as a gzip fixture file in a fresh temporary folder, and its removal. */
export async function writeBenchFixture(
  input: BenchInput,
): Promise<{ path: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'tagstream-bench-'));
  const path = join(dir, 'bench.jsonl.gz');
  await writeFixture(path, input.lines);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
