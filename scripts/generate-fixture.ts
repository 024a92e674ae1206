/**
 * `npm run fixture -- [options]`: writes a synthetic X API v2 stream fixture (NDJSON, gzip when
 * the name ends in .gz). Options in scripts/fixture/cli-options.ts (`--help`).
 */
import { burstEndMs, defaultBursts } from './fixture/bursts';
import { withBadLines } from './fixture/bad-lines';
import { CliError, parseCliOptions, USAGE } from './fixture/cli-options';
import { generateStreamLines } from './fixture/generate-posts';
import { writeFixture } from './fixture/write-fixture';

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const { generate } = options;
  const lines = withBadLines(generateStreamLines(generate), {
    count: options.badLines,
    startMs: generate.startMs,
    durationMs: generate.durationMs,
  });
  const result = await writeFixture(options.out, lines);
  const bursts = generate.bursts ?? defaultBursts(generate.durationMs);
  console.error(
    `${options.out}: ${result.lines} lines (${options.badLines} malformed), ${result.bytes} bytes, ` +
      `${seconds(generate.durationMs)} of virtual time from ${new Date(generate.startMs).toISOString()}`,
  );
  for (const burst of bursts) {
    const kind = burst.authors === 1 ? 'spam, 1 author' : `~${burst.authors} authors`;
    console.error(
      `  #${burst.tag}: ${seconds(burst.startMs)} → ${seconds(burstEndMs(burst))}, ` +
        `peak ${burst.tweetsPerSec}/s for ${seconds(burst.peakMs)}, ${kind}`,
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof CliError || (error instanceof TypeError && 'code' in error)) {
    console.error(`${error.message}\n\n${USAGE}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
