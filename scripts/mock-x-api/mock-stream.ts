/**
 * One stream connection of the mock: posts from the shared queue at `postIntervalMs`, keep-alives
 * at `keepAliveMs`, each line in random chunks, and the connection's fault from its plan.
 */
import type { ServerResponse } from 'node:http';
import { writeLineInPieces } from './chunked-writer';
import { mockStreamLine } from './mock-posts';
import type { MockPost } from './mock-posts';
import type { StreamPlan } from './mock-types';
import { gzipOut, plainOut } from './stream-out';
import type { StreamOut } from './stream-out';

export interface StreamFeed {
  /** The next post to send, or undefined when all have gone. */
  peek(): MockPost | undefined;
  /** The post was written whole: it counts as sent. */
  sent(post: MockPost): void;
  matchingRules?(): { id: string; tag: string }[];
}

export interface StreamRun {
  res: ServerResponse;
  /** Send the stream gzip-compressed. */
  gzip: boolean;
  plan: StreamPlan;
  feed: StreamFeed;
  /** Posts to send before anything else (redelivery after a reconnect). */
  replay: MockPost[];
  postIntervalMs: number;
  /** When set, a steady rate replaces `postIntervalMs`. */
  postsPerSecond?: number;
  keepAliveMs: number;
  /** Called for each keep-alive written. */
  keptAlive(): void;
  random: () => number;
}

const OPERATIONAL_DISCONNECT = JSON.stringify({
  errors: [
    {
      title: 'operational-disconnect',
      disconnect_type: 'OperationalDisconnect',
      detail: 'This stream has been disconnected for operational reasons.',
      type: 'https://api.x.com/2/problems/operational-disconnect',
    },
  ],
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runStream(run: StreamRun): Promise<void> {
  const { res, plan } = run;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (run.gzip) headers['content-encoding'] = 'gzip';
  res.writeHead(200, headers);
  res.socket?.setNoDelay(true);
  const out = run.gzip ? gzipOut(res) : plainOut(res);
  if (plan.kind === 'close-at-once') return void out.end();
  let silent = false;
  const keepAlive = setInterval(() => {
    if (silent || out.destroyed) return;
    out.write('\r\n');
    run.keptAlive();
  }, run.keepAliveMs);
  res.on('close', () => clearInterval(keepAlive));
  // A stall leaves the socket open (and silent) until the client gives up.
  await sendPosts(run, out, () => (silent = true));
  clearInterval(keepAlive);
}

async function sendPosts(run: StreamRun, out: StreamOut, stall: () => void): Promise<void> {
  const { plan, feed } = run;
  const faultAfter = 'afterPosts' in plan ? plan.afterPosts : Infinity;
  let count = 0;
  for (const post of run.replay) {
    if (out.destroyed) return;
    await writeLineInPieces(out, line(run, post), run.random);
  }
  const pace = pacer(run);
  while (!out.destroyed) {
    for (let due = pace.due(count); due > 0 && !out.destroyed; due--) {
      if (count === faultAfter) {
        if (await fault(run, out, stall)) return;
      }
      const post = feed.peek();
      if (!post) break;
      await writeLineInPieces(out, line(run, post), run.random);
      if (out.destroyed) return;
      feed.sent(post);
      count += 1;
    }
    await sleep(pace.sleepMs);
  }
}

/** One post per `postIntervalMs`, or what a steady `postsPerSecond` makes due by now. */
function pacer(run: StreamRun): { due(sent: number): number; sleepMs: number } {
  const rate = run.postsPerSecond;
  if (rate === undefined) return { due: () => 1, sleepMs: run.postIntervalMs };
  const startMs = Date.now();
  return { due: (sent) => Math.floor(((Date.now() - startMs) * rate) / 1000) - sent, sleepMs: 10 };
}

/** Runs the plan's fault; true when the connection is over (for this loop). */
async function fault(run: StreamRun, out: StreamOut, stall: () => void): Promise<boolean> {
  const { plan, feed } = run;
  if (plan.kind === 'drop') {
    const post = feed.peek();
    const half = Buffer.from(post ? line(run, post) : '{"data":{"id":"1","te', 'utf8');
    await new Promise<void>((resolve) =>
      out.write(half.subarray(0, half.length >> 1), () => resolve()),
    );
    await out.drop();
    return true;
  }
  if (plan.kind === 'operational-disconnect') {
    await writeLineInPieces(out, OPERATIONAL_DISCONNECT, run.random);
    out.end();
    return true;
  }
  if (plan.kind === 'malformed') {
    await writeLineInPieces(out, '{"data": {"id": "oops", "text": "cut', run.random);
    return false;
  }
  if (plan.kind === 'stall') {
    stall();
    return true;
  }
  return false;
}

function line(run: StreamRun, post: MockPost): string {
  return mockStreamLine(post, run.feed.matchingRules?.());
}
