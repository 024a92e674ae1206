/**
 * The checkpoint in Redis, for instances that share one state (`REDIS_URL`): where a new lease
 * holder finds what its predecessor saved. Writes are fenced: a write whose token is lower than
 * the one stored with the checkpoint, or than the fencing counter (a later holder exists), is
 * refused, atomically in one script, so a holder that lost its lease cannot overwrite newer state.
 */
import { RESP_TYPES } from 'redis';
import type { RedisClient } from '../cluster/redis-connection';
import type { CheckpointStore } from './checkpoint-store';

/** KEYS: checkpoint hash, fence counter. ARGV: token, bytes, savedAtMs. Returns 1 when saved. */
const FENCED_SAVE = `
local token = tonumber(ARGV[1])
local stored = tonumber(redis.call('HGET', KEYS[1], 'token') or '0')
local fence = tonumber(redis.call('GET', KEYS[2]) or '0')
if token < stored or token < fence then return 0 end
redis.call('HSET', KEYS[1], 'token', ARGV[1], 'bytes', ARGV[2], 'savedAtMs', ARGV[3])
return 1
`;

export interface RedisCheckpointKeys {
  checkpoint: string;
  fence: string;
  /** Prefix of the keys bad checkpoints are renamed to. */
  checkpointAside: string;
}

export class RedisCheckpointStore implements CheckpointStore {
  readonly location: string;

  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisCheckpointKeys,
    /** The writer's fencing token; undefined when it holds no lease (every write is refused). */
    private readonly fencingToken: () => number | undefined,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.location = `redis key ${keys.checkpoint}`;
  }

  async save(bytes: Uint8Array): Promise<boolean> {
    const token = this.fencingToken();
    if (token === undefined) return false;
    const reply = await this.client.eval(FENCED_SAVE, {
      keys: [this.keys.checkpoint, this.keys.fence],
      arguments: [
        String(token),
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        String(this.nowMs()),
      ],
    });
    return reply === 1;
  }

  async load(): Promise<Uint8Array | undefined> {
    const binary = this.client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    const bytes = await binary.hGet(this.keys.checkpoint, 'bytes');
    return bytes === null ? undefined : new Uint8Array(bytes);
  }

  /** The fencing token stored with the latest checkpoint; 0 when there is none. */
  async storedToken(): Promise<number> {
    return Number((await this.client.hGet(this.keys.checkpoint, 'token')) ?? 0);
  }

  /** The latest checkpoint with the token of the holder that saved it, read at once. */
  async loadWithToken(): Promise<{ bytes: Uint8Array; token: number } | undefined> {
    const binary = this.client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    const [token, bytes] = await binary.hmGet(this.keys.checkpoint, ['token', 'bytes']);
    if (!token || !bytes) return undefined;
    return { bytes: new Uint8Array(bytes), token: Number(token.toString()) };
  }

  async setAside(reason: string): Promise<string> {
    const slug = reason.replace(/[^\w-]+/g, '-').slice(0, 40);
    const name = `${this.keys.checkpointAside}${this.nowMs()}:${slug}`;
    await this.client.rename(this.keys.checkpoint, name);
    return name;
  }
}
