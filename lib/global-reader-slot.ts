/**
 * One reader function shared between the custom server and the pages Next renders in the same
 * process. Next loads the pages from its own build output, with its own copy of every module, so
 * a module-level variable would not be shared: the reader is kept on `globalThis` under a
 * registry symbol (`Symbol.for(name)`), which both copies see.
 */
export interface GlobalReaderSlot<Request, Answer> {
  /**
   * Makes `reader` the one pages read. Returns the function that removes it again; it removes
   * only this reader (a later registration, e.g. of a second server in a test process, stays).
   */
  register(reader: (request: Request) => Answer | null | Promise<Answer | null>): () => void;
  /** The reader's answer, or null when no reader is registered or it failed: never fail a page. */
  read(request: Request): Promise<Answer | null>;
}

export function globalReaderSlot<Request, Answer>(name: string): GlobalReaderSlot<Request, Answer> {
  type Reader = (request: Request) => Answer | null | Promise<Answer | null>;
  const key = Symbol.for(name);
  const holder = globalThis as { [key]?: Reader };
  return {
    register(reader) {
      holder[key] = reader;
      return () => {
        if (holder[key] === reader) delete holder[key];
      };
    },
    async read(request) {
      const reader = holder[key];
      if (!reader) return null;
      try {
        return await reader(request);
      } catch {
        return null;
      }
    },
  };
}
