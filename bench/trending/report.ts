import type { RankingOutcome } from './evaluate';
import { summariseRanking } from './summary';

const latency = (seconds: number | null) => (seconds === null ? 'never' : `${seconds} s`);
const detected = (seconds: number | null) =>
  seconds !== null && seconds <= 120 ? latency(seconds) : `${latency(seconds)} (missed)`;
const percent = (share: number) => `${Math.round(share * 100)} %`;
const decimal = (value: number) => (Number.isNaN(value) ? '–' : `${Math.round(value * 10) / 10}`);

/**
 * One table per scenario: each burst's detection latency (top 10 within 120 s), each decoy's
 * listed batches, then the summary rows, for the app's "Trending now" and the naive ranking.
 */
export function formatScenarioTable(app: RankingOutcome, naive: RankingOutcome): string {
  const rows: string[][] = [['', 'case', app.name, naive.name]];
  app.bursts.forEach((burst, index) => {
    rows.push([
      `burst ${burst.tag}`,
      `${burst.description}, ${burst.peakPerSec}/s`,
      detected(burst.latencySec),
      detected(naive.bursts[index]!.latencySec),
    ]);
  });
  app.decoys.forEach((decoy, index) => {
    rows.push([
      `decoy ${decoy.tag}`,
      `${decoy.kind}: ${decoy.detail}`,
      listed(decoy.listedBatches),
      listed(naive.decoys[index]!.listedBatches),
    ]);
  });
  const [appSummary, naiveSummary] = [summariseRanking(app), summariseRanking(naive)];
  const summaryRows: [string, (summary: typeof appSummary) => string][] = [
    ['recall ≥ 1/s (120 s)', (summary) => percent(summary.recallStrong)],
    ['recall, all bursts', (summary) => percent(summary.recallAll)],
    ['median latency ≥ 1/s', (summary) => `${decimal(summary.medianLatencyStrongSec)} s`],
    ['max latency ≥ 1/s', (summary) => `${decimal(summary.maxLatencyStrongSec)} s`],
    ['false positives / h', (summary) => decimal(summary.falsePositivesPerHour)],
    ['decoy listings', (summary) => `${summary.decoyListings} batches`],
  ];
  for (const [label, format] of summaryRows) {
    rows.push(['summary', label, format(appSummary), format(naiveSummary)]);
  }
  rows.push([
    'summary',
    'median tags listed',
    decimal(app.medianListed),
    decimal(naive.medianListed),
  ]);
  return formatTable(rows);
}

function listed(batches: number): string {
  return batches === 0 ? 'never listed' : `listed ${batches} batches`;
}

function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}
