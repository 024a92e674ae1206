/**
 * The holder's per-minute history, shared with the other instances through one Redis key, so
 * that every instance answers `GET /api/trends/:tag/history`. The history lives in the holder's
 * job; the holder writes its snapshot every interval (fenced like the checkpoint: a holder that
 * lost its lease cannot overwrite its successor's), and a follower reads it when asked, at most
 * once per `maxAgeMs`. A follower's answer is therefore at most one interval plus `maxAgeMs`
 * behind the holder's (30 s with the defaults): the minutes of a 24-hour chart.
 */
import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { constants, gunzip, gzip } from 'node:zlib';
import { RESP_TYPES } from 'redis';
import { TagHistory } from '@/lib/trends/history/tag-history';
import type { TagHistorySnapshot } from '@/lib/trends/history/tag-history-types';
import type { RedisClient } from './redis-connection';
import { FENCED_BLOB_WRITE } from './fenced-write-script';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export interface SharedHistoryKeys {
  history: string;
  fence: string;
}

export class SharedHistory {
  private timer: NodeJS.Timeout | undefined;
  private cached: { history: TagHistory | undefined; readAtMs: number } | undefined;
  private reading: Promise<TagHistory | undefined> | undefined;

  constructor(
    private readonly client: RedisClient,
    private readonly keys: SharedHistoryKeys,
    private readonly maxAgeMs = 15_000,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Writes the holder's history every `intervalMs` until `stopWriting`; failures are retried. */
  startWriting(history: () => TagHistory, token: number, intervalMs: number): void {
    this.stopWriting();
    const writeQuietly = () => void this.write(history(), token).catch(() => undefined);
    this.timer = setInterval(writeQuietly, intervalMs);
    writeQuietly();
  }

  stopWriting(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Writes `history` as the holder with `token`; resolves false when a later holder exists. */
  async write(history: TagHistory, token: number): Promise<boolean> {
    const bytes = await gzipAsync(serialize(history.snapshot()), {
      level: constants.Z_BEST_SPEED,
    });
    const reply = await this.client.eval(FENCED_BLOB_WRITE, {
      keys: [this.keys.history, this.keys.fence],
      arguments: [String(token), bytes],
    });
    return reply === 1;
  }

  /**
   * The latest history written by a holder, read at most once per `maxAgeMs` (concurrent callers
   * share one read); undefined when none was written. Rejects when Redis cannot be read or the
   * stored bytes are not a history.
   */
  read(): Promise<TagHistory | undefined> {
    const cached = this.cached;
    if (cached && this.nowMs() - cached.readAtMs < this.maxAgeMs) {
      return Promise.resolve(cached.history);
    }
    this.reading ??= this.readNow().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async readNow(): Promise<TagHistory | undefined> {
    const binary = this.client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    const bytes = await binary.hGet(this.keys.history, 'bytes');
    let history: TagHistory | undefined;
    if (bytes !== null) {
      history = new TagHistory();
      history.restore(deserialize(await gunzipAsync(bytes)) as TagHistorySnapshot);
    }
    this.cached = { history, readAtMs: this.nowMs() };
    return history;
  }
}
