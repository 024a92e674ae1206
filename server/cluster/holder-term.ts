/**
 * One period during which this instance holds the lease: a fresh source and a fresh pipeline
 * (sources and pipelines run once), started after the checkpoint was restored into the
 * pipeline, stopped (source first) when the lease is lost or the server stops.
 */
import type { TrendsBatchResult } from '@/lib/trends/types';
import type { Ingest } from '../ingestion/ingest';
import type { TimeMode, TweetSource } from '../sources/types';

export interface HolderTermFactories {
  createSource(): TweetSource;
  createIngest(timeMode: TimeMode, onResult: (result: TrendsBatchResult) => void): Ingest;
}

export class HolderTerm {
  readonly source: TweetSource;
  readonly ingest: Ingest;

  constructor(
    readonly token: number,
    factories: HolderTermFactories,
    onResult: (term: HolderTerm, result: TrendsBatchResult) => void,
  ) {
    this.source = factories.createSource();
    this.ingest = factories.createIngest(this.source.timeMode, (result) => onResult(this, result));
  }

  /** Ready while the source is connected and the engine runs. */
  get ready(): boolean {
    return this.source.isReady() && this.ingest.pipeline.running;
  }

  async start(): Promise<void> {
    // After a restore `ingest.pipeline` is the restored one: read it only now.
    const pipeline = this.ingest.pipeline;
    pipeline.start();
    await this.source.start(pipeline.sink);
  }

  /** Source first: no post arrives after the pipeline stopped. Never rejects. */
  async stop(): Promise<void> {
    await this.source.stop().catch(() => undefined);
    this.ingest.pipeline.stop();
  }
}
