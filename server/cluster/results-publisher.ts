/**
 * The holder's side of the results stream. Each batch goes out with the holder's fencing token;
 * Redis refuses it (in the same atomic script) when a later holder has drawn a higher token, so
 * a holder that lost its lease cannot publish over its successor. While Redis is unreachable the
 * batches wait, in order and bounded, and go out once it is back.
 */
import type { Logger } from 'pino';
import type { ClusterKeys } from './cluster-keys';
import type { PublishedBatch } from './published-batch';
import { publishedBatchFields } from './published-batch';
import type { RedisClient } from './redis-connection';
import { ThrottledLog } from '../ingestion/throttled-log';

/** KEYS: results stream, fence counter. ARGV: token, maxLen, payload. */
const FENCED_XADD = `
local fence = tonumber(redis.call('GET', KEYS[2]) or '0')
if tonumber(ARGV[1]) < fence then return false end
return redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'token', ARGV[1], 'payload', ARGV[3])
`;

export class ResultsPublisher {
  private readonly pending: PublishedBatch[] = [];
  private flushing = false;
  private refused = 0;
  private readonly failureLog: ThrottledLog;

  constructor(
    private readonly client: RedisClient,
    private readonly keys: ClusterKeys,
    /** Batches kept in the stream (and waiting here while Redis is away). */
    private readonly maxLen: number,
    logger: Logger,
  ) {
    this.failureLog = new ThrottledLog(logger, 'publishing a batch failed; it waits for Redis');
  }

  /** Batches refused because a later holder's token was recorded. */
  get refusedCount(): number {
    return this.refused;
  }

  /** Queues `batch` and publishes everything queued, oldest first; never rejects. */
  publish(batch: PublishedBatch): Promise<void> {
    this.pending.push(batch);
    if (this.pending.length > this.maxLen) this.pending.shift();
    return this.flush();
  }

  /** Publishes what waits (e.g. once Redis is back); never rejects. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const accepted = await this.send(this.pending[0]!);
        this.pending.shift();
        if (!accepted) this.refused++;
      }
    } catch (error) {
      this.failureLog.report({
        waiting: this.pending.length,
        err: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.flushing = false;
    }
  }

  private async send(batch: PublishedBatch): Promise<boolean> {
    const fields = publishedBatchFields(batch);
    const reply = await this.client.eval(FENCED_XADD, {
      keys: [this.keys.results, this.keys.fence],
      arguments: [fields.token!, String(this.maxLen), fields.payload!],
    });
    return reply !== null;
  }
}
