/**
 * Every instance's side of the results stream: on start it reads the recent batches kept in the
 * stream (so a new instance has the latest state and its series at once), then waits for new
 * ones with a blocking XREAD on its own connection. When Redis goes away it waits for the
 * reconnection and reads on from the last entry it saw.
 */
import type { Logger } from 'pino';
import type { PublishedBatch } from './published-batch';
import { parsePublishedBatch } from './published-batch';
import type { RedisConnection } from './redis-connection';
import { ThrottledLog } from '../ingestion/throttled-log';
import type { ServerClock } from '../time/server-clock';
import { systemServerClock } from '../time/system-server-clock';

const BLOCK_MS = 2000;
const RETRY_MS = 250;

interface StreamEntry {
  id: string;
  message: Record<string, string>;
}

export class ResultsFollower {
  private lastId: string | undefined;
  private stopped = false;
  private running: Promise<void> | undefined;
  private readonly failureLog: ThrottledLog;

  constructor(
    /** A connection of its own: XREAD blocks it. */
    private readonly connection: RedisConnection,
    private readonly streamKey: string,
    /** How many recent batches to read at start. */
    private readonly backlog: number,
    private readonly onBatch: (batch: PublishedBatch) => void,
    private readonly logger: Logger,
    private readonly clock: ServerClock = systemServerClock,
  ) {
    this.failureLog = new ThrottledLog(logger, 'reading published batches failed');
  }

  /** Connects its connection (in the background) and starts reading. */
  start(): void {
    if (this.running) return;
    this.connection.connect();
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection.close();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const entries = this.lastId === undefined ? await this.readBacklog() : await this.readNew();
        for (const entry of entries) this.deliver(entry);
      } catch (error) {
        if (this.stopped) return;
        this.failureLog.report({ err: error instanceof Error ? error.message : String(error) });
        await this.clock.sleep(RETRY_MS);
      }
    }
  }

  private async readBacklog(): Promise<StreamEntry[]> {
    const client = this.connection.client;
    const newestFirst = (await client.xRevRange(this.streamKey, '+', '-', {
      COUNT: this.backlog,
    })) as StreamEntry[];
    this.lastId = newestFirst[0]?.id ?? '0-0';
    return newestFirst.reverse();
  }

  private async readNew(): Promise<StreamEntry[]> {
    const reply = (await this.connection.client.xRead(
      { key: this.streamKey, id: this.lastId! },
      { BLOCK: BLOCK_MS, COUNT: 100 },
    )) as { messages: StreamEntry[] }[] | null;
    return reply?.[0]?.messages ?? [];
  }

  private deliver(entry: StreamEntry): void {
    this.lastId = entry.id;
    const batch = parsePublishedBatch(entry.message);
    if (batch === undefined) {
      this.logger.warn({ id: entry.id }, 'skipped a stream entry that is not a published batch');
      return;
    }
    this.onBatch(batch);
  }
}
