import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter";

describe("RateLimiter", () => {
  it("lets a minute's budget through, then refuses with the wait in seconds", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    for (let i = 0; i < 60; i++) expect(limiter.take("bin", 60)).toBeNull();
    expect(limiter.take("bin", 60)).toBe(1);
    now += 1_000;
    expect(limiter.take("bin", 60)).toBeNull();
    expect(limiter.take("bin", 60)).toBe(1);
  });

  it("keeps bins apart", () => {
    const limiter = new RateLimiter(() => 0);
    expect(limiter.take("a", 1)).toBeNull();
    expect(limiter.take("a", 1)).toBe(60);
    expect(limiter.take("b", 1)).toBeNull();
  });

  it("forgets full buckets", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    limiter.take("a", 1);
    now += 61_000;
    limiter.prune();
    expect(limiter.take("a", 1)).toBeNull();
  });
});
