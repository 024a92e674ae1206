/**
 * One lease in Redis, held by at most one instance at a time, with a fencing token that increases
 * with every new holder. The commands only; `LeaseKeeper` decides when to run them.
 */
import type { ClusterKeys } from './cluster-keys';
import { ACQUIRE_LEASE, RELEASE_LEASE, RENEW_LEASE } from './lease-scripts';
import type { RedisClient } from './redis-connection';

export type RenewOutcome = 'renewed' | 'reclaimed' | 'lost';

export class RedisLease {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: ClusterKeys,
    /** Unique per process: the lease's value while this instance holds it. */
    readonly owner: string,
    readonly ttlMs: number,
  ) {}

  /** The new fencing token, or undefined when another instance holds the lease. */
  async acquire(minToken: number): Promise<number | undefined> {
    const reply = await this.client.eval(ACQUIRE_LEASE, {
      keys: [this.keys.lease, this.keys.fence],
      arguments: [this.owner, String(this.ttlMs), String(minToken)],
    });
    return reply === null ? undefined : Number(reply);
  }

  async renew(token: number): Promise<RenewOutcome> {
    const reply = await this.client.eval(RENEW_LEASE, {
      keys: [this.keys.lease, this.keys.fence],
      arguments: [this.owner, String(this.ttlMs), String(token)],
    });
    if (reply === 1) return 'renewed';
    return reply === 2 ? 'reclaimed' : 'lost';
  }

  /** True when this instance held the lease and has now given it up. */
  async release(): Promise<boolean> {
    const reply = await this.client.eval(RELEASE_LEASE, {
      keys: [this.keys.lease],
      arguments: [this.owner],
    });
    return reply === 1;
  }

  /** The current holder's owner string, undefined when nobody holds the lease. */
  async holder(): Promise<string | undefined> {
    return (await this.client.get(this.keys.lease)) ?? undefined;
  }
}
