import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckpointStore } from './checkpoint-store';

const FILE_NAME = 'checkpoint.tgst';

/**
 * The checkpoint of one process: `checkpoint.tgst` in `STATE_DIR`. A save writes a temporary
 * file beside it, flushes it to disk (fsync), renames it over the checkpoint (atomic on POSIX)
 * and flushes the directory, so a crash at any point leaves the old checkpoint or the new one,
 * never a mix. Saves are serialised: a save waits for the one before it.
 */
export class FileCheckpointStore implements CheckpointStore {
  readonly location: string;
  private saves: Promise<unknown> = Promise.resolve();
  private temporaries = 0;

  constructor(private readonly directory: string) {
    this.location = join(directory, FILE_NAME);
  }

  save(bytes: Uint8Array): Promise<boolean> {
    const saved = this.saves.then(() => this.write(bytes));
    this.saves = saved.catch(() => undefined);
    return saved;
  }

  async load(): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.location);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Renames the checkpoint to `checkpoint.<time>.<reason>.bad` beside it. */
  async setAside(reason: string): Promise<string> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const slug = reason
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40);
    const aside = join(this.directory, `checkpoint.${stamp}.${slug || 'bad'}.bad`);
    await rename(this.location, aside);
    return aside;
  }

  private async write(bytes: Uint8Array): Promise<boolean> {
    await mkdir(this.directory, { recursive: true });
    const temporary = `${this.location}.${process.pid}.${++this.temporaries}.tmp`;
    try {
      const file = await open(temporary, 'w');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, this.location);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
    await syncDirectory(this.directory);
    return true;
  }
}

/** Makes a rename durable: fsync of the directory (skipped where directories cannot be opened). */
async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}
