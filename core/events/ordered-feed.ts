/** What the feed needs of a request: its id and the bin's request stored just before it. */
export interface ChainedItem {
  id: string;
  previousId: string | null;
}

export interface OrderedFeedOptions<T extends ChainedItem> {
  /** Every request of the bin up to this id is accounted for (sent, or left out by the filter). */
  cursor: number;
  /** The bin's requests after `after` (and before `before`), oldest first, that pass the filter. */
  readGap(after: number, before?: number): Promise<T[]>;
  /** Whether a live request passes the filter: at once, or once the database has answered. */
  passes(item: T): boolean | Promise<boolean>;
  send(item: T): void;
  /** A gap or a check that failed: the stream can no longer vouch for its order. */
  onError(error: unknown): void;
}

/**
 * Turns live events, which can come out of order (another instance's capture reaches this one a few
 * milliseconds after a local one committed later), into a bin's requests in id order with none
 * missing, so that a client resuming after the last id it got misses nothing. A request names the
 * one stored before it; when that one is past the cursor and was never seen, the gap is read from
 * the table first (a bin's requests commit in id order, so the gap is complete). Requests at or
 * before the cursor were sent already and are dropped. Events that need no database are handled at
 * once; the rest wait their turn, in order.
 */
export function orderedFeed<T extends ChainedItem>(options: OrderedFeedOptions<T>) {
  const { readGap, passes, send, onError } = options;
  let cursor = options.cursor;
  let tail: Promise<void> | null = null;

  const admit = (item: T): Promise<void> | undefined => {
    const id = Number(item.id);
    const verdict = passes(item);
    if (typeof verdict === "boolean") {
      if (verdict) send(item);
      cursor = Math.max(cursor, id);
      return undefined;
    }
    return verdict.then((yes) => {
      if (yes) send(item);
      cursor = Math.max(cursor, id);
    });
  };

  const fill = async (before?: number): Promise<void> => {
    for (const missed of await readGap(cursor, before)) {
      send(missed);
      cursor = Number(missed.id);
    }
  };

  const fillThenAdmit = async (item: T): Promise<void> => {
    const id = Number(item.id);
    await fill(id);
    cursor = Math.max(cursor, id - 1);
    await admit(item);
  };

  const process = (item: T): Promise<void> | undefined => {
    if (Number(item.id) <= cursor) return undefined;
    if (item.previousId !== null && Number(item.previousId) > cursor) return fillThenAdmit(item);
    return admit(item);
  };

  const chain = (step: () => Promise<void> | undefined) => {
    const next: Promise<void> = (tail ?? Promise.resolve()).then(step).catch(onError);
    tail = next;
    void next.finally(() => {
      if (tail === next) tail = null;
    });
  };

  return {
    /** Reads and sends what is stored after the cursor (a backfill); events pushed meanwhile wait. */
    catchUp(): void {
      chain(() => fill());
    },
    push(item: T): void {
      if (tail) {
        chain(() => process(item));
        return;
      }
      const work = process(item);
      if (work) chain(() => work);
    },
    /** Resolves once every event pushed so far is handled. */
    settled: (): Promise<void> => tail ?? Promise.resolve(),
  };
}
