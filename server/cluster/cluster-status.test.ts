import { describe, expect, it } from 'vitest';
import { describeCluster } from './cluster-status';
import type { ClusterFacts } from './cluster-status';

const facts = (overrides: Partial<ClusterFacts>): ClusterFacts => ({
  holding: false,
  fencingToken: undefined,
  redisConnected: true,
  redisError: '',
  lastPublished: undefined,
  staleResults: 0,
  refusedResults: 0,
  checkpointsSaved: 0,
  ...overrides,
});

describe('describeCluster', () => {
  it('says nothing is degraded while Redis is connected', () => {
    expect(describeCluster(facts({ holding: true, fencingToken: 3 }))).toEqual({
      role: 'holder',
      redis: 'connected',
      fencingToken: 3,
      staleResults: 0,
      refusedResults: 0,
      checkpointsSaved: 0,
    });
  });

  it('tells an ingesting instance from one that only shows what it received when Redis is away', () => {
    const holder = describeCluster(facts({ holding: true, redisConnected: false }));
    const standby = describeCluster(facts({ redisConnected: false }));
    expect(holder.degraded).toMatch(/^Redis unreachable: ingesting here/);
    expect(standby.degraded).toBe('Redis unreachable: showing the last results received');
  });
});
