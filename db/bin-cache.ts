import type { CaptureBin } from "../core/capture/capture";

interface Entry {
  value: Promise<CaptureBin | null>;
  expires: number;
}

const MAX_ENTRIES = 10_000;

/**
 * What capture needs of each bin, kept briefly in memory so a burst of deliveries costs one lookup.
 * Misses for one bin share a single query; unknown ids are remembered too, so a sender hammering a
 * deleted bin does not reach the database on every request. Changes made through the API
 * invalidate the entry at once (on every instance, through the database's notifications).
 */
export class BinCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly load: (binId: string) => Promise<CaptureBin | null>,
    private readonly ttlMs = 10_000,
  ) {}

  get(binId: string): Promise<CaptureBin | null> {
    const now = Date.now();
    const cached = this.entries.get(binId);
    if (cached && cached.expires > now) return cached.value;
    const value = this.load(binId);
    // A failed lookup must not be remembered.
    value.catch(() => {
      if (this.entries.get(binId)?.value === value) this.entries.delete(binId);
    });
    this.entries.delete(binId);
    this.entries.set(binId, { value, expires: now + this.ttlMs });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  invalidate(binId: string): void {
    this.entries.delete(binId);
  }
}
