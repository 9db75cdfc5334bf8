interface Bucket {
  tokens: number;
  updated: number;
}

/**
 * A token bucket per bin: up to `perMinute` requests a minute, refilled continuously, so a burst is
 * allowed up to the full minute's budget. Per process: instances behind a balancer each apply it.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Null when the request may pass; otherwise the seconds until one would. */
  take(binId: string, perMinute: number): number | null {
    const now = this.now();
    const ratePerMs = perMinute / 60_000;
    const bucket = this.buckets.get(binId) ?? { tokens: perMinute, updated: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updated) * ratePerMs);
    bucket.updated = now;
    this.buckets.set(binId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
  }

  /** Forgets buckets that have refilled completely: they hold nothing a fresh one would not. */
  prune(): void {
    const now = this.now();
    for (const [binId, bucket] of this.buckets) {
      if (now - bucket.updated > 60_000) this.buckets.delete(binId);
    }
  }
}
