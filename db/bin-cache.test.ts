import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CaptureBin } from "../core/capture/capture";
import { BinCache } from "./bin-cache";

function bin(fingerprint = true): CaptureBin {
  return {
    settings: {
      duplicates: { fingerprint },
      signing: { scheme: "auto" },
      response: null,
      failure: null,
      cors: true,
      maxRequests: null,
      rateLimitPerMinute: null,
      forwarding: [],
    },
    secrets: [],
  };
}

/** A loader that counts its calls per id and answers from a table that tests can change. */
function countingLoader(table: Map<string, CaptureBin | null>) {
  const calls = new Map<string, number>();
  const load = async (binId: string): Promise<CaptureBin | null> => {
    calls.set(binId, (calls.get(binId) ?? 0) + 1);
    return table.get(binId) ?? null;
  };
  return { load, calls: (binId: string) => calls.get(binId) ?? 0 };
}

/** A loader whose calls settle only when the test says so. */
function manualLoader() {
  const pending: { resolve: (bin: CaptureBin | null) => void; reject: (error: Error) => void }[] = [];
  const load = (_binId: string) =>
    new Promise<CaptureBin | null>((resolve, reject) => {
      pending.push({ resolve, reject });
    });
  return { load, pending };
}

describe("BinCache", () => {
  beforeEach(() => {
    // Only Date is faked: expiry reads Date.now(), and promises must still settle normally.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2024-01-01T00:00:00Z"));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("returns what the loader finds", async () => {
    const found = bin(false);
    const { load } = countingLoader(new Map([["b1", found]]));
    await expect(new BinCache(load).get("b1")).resolves.toBe(found);
  });

  it("calls the loader once for concurrent gets of one id", async () => {
    const { load, calls } = countingLoader(new Map([["b1", bin()]]));
    const cache = new BinCache(load);
    const results = await Promise.all([cache.get("b1"), cache.get("b1"), cache.get("b1")]);
    expect(calls("b1")).toBe(1);
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
  });

  it("shares one pending load between gets made before it settles", async () => {
    const { load, pending } = manualLoader();
    const cache = new BinCache(load);
    const first = cache.get("b1");
    const second = cache.get("b1");
    expect(pending).toHaveLength(1);
    const found = bin();
    pending[0]?.resolve(found);
    await expect(first).resolves.toBe(found);
    await expect(second).resolves.toBe(found);
  });

  it("loads different ids separately", async () => {
    const { load, calls } = countingLoader(
      new Map([
        ["b1", bin()],
        ["b2", bin(false)],
      ]),
    );
    const cache = new BinCache(load);
    await Promise.all([cache.get("b1"), cache.get("b2")]);
    expect(calls("b1")).toBe(1);
    expect(calls("b2")).toBe(1);
  });

  it("does not reload on a hit within the TTL", async () => {
    const { load, calls } = countingLoader(new Map([["b1", bin()]]));
    const cache = new BinCache(load, 1_000);
    await cache.get("b1");
    vi.advanceTimersByTime(999);
    await cache.get("b1");
    expect(calls("b1")).toBe(1);
  });

  it("reloads once the entry has expired", async () => {
    const table = new Map([["b1", bin(true)]]);
    const { load, calls } = countingLoader(table);
    const cache = new BinCache(load, 1_000);
    await cache.get("b1");
    const changed = bin(false);
    table.set("b1", changed);
    vi.advanceTimersByTime(1_000);
    await expect(cache.get("b1")).resolves.toBe(changed);
    expect(calls("b1")).toBe(2);
  });

  it("uses the default TTL of ten seconds", async () => {
    const { load, calls } = countingLoader(new Map([["b1", bin()]]));
    const cache = new BinCache(load);
    await cache.get("b1");
    vi.advanceTimersByTime(9_999);
    await cache.get("b1");
    expect(calls("b1")).toBe(1);
    vi.advanceTimersByTime(1);
    await cache.get("b1");
    expect(calls("b1")).toBe(2);
  });

  it("reloads after invalidate", async () => {
    const table = new Map([["b1", bin(true)]]);
    const { load, calls } = countingLoader(table);
    const cache = new BinCache(load);
    await cache.get("b1");
    const changed = bin(false);
    table.set("b1", changed);
    cache.invalidate("b1");
    await expect(cache.get("b1")).resolves.toBe(changed);
    expect(calls("b1")).toBe(2);
  });

  it("invalidates only the id it is given", async () => {
    const { load, calls } = countingLoader(
      new Map([
        ["b1", bin()],
        ["b2", bin()],
      ]),
    );
    const cache = new BinCache(load);
    await Promise.all([cache.get("b1"), cache.get("b2")]);
    cache.invalidate("b1");
    await Promise.all([cache.get("b1"), cache.get("b2")]);
    expect(calls("b1")).toBe(2);
    expect(calls("b2")).toBe(1);
  });

  it("ignores invalidating an id it does not hold", async () => {
    const { load, calls } = countingLoader(new Map([["b1", bin()]]));
    const cache = new BinCache(load);
    expect(() => cache.invalidate("unknown")).not.toThrow();
    await cache.get("b1");
    expect(calls("b1")).toBe(1);
  });

  it("caches a null result for an unknown bin", async () => {
    const { load, calls } = countingLoader(new Map());
    const cache = new BinCache(load);
    await expect(cache.get("gone")).resolves.toBeNull();
    await expect(cache.get("gone")).resolves.toBeNull();
    expect(calls("gone")).toBe(1);
  });

  it("does not cache a rejected load", async () => {
    let calls = 0;
    const found = bin();
    const load = async (_binId: string): Promise<CaptureBin | null> => {
      calls += 1;
      if (calls === 1) throw new Error("connection reset");
      return found;
    };
    const cache = new BinCache(load);
    await expect(cache.get("b1")).rejects.toThrow("connection reset");
    await expect(cache.get("b1")).resolves.toBe(found);
    expect(calls).toBe(2);
  });

  it("gives the rejection to every get that shared the failed load", async () => {
    const { load, pending } = manualLoader();
    const cache = new BinCache(load);
    const first = cache.get("b1");
    const second = cache.get("b1");
    pending[0]?.reject(new Error("timeout"));
    await expect(first).rejects.toThrow("timeout");
    await expect(second).rejects.toThrow("timeout");
  });

  it("keeps a newer entry when an older, invalidated load fails late", async () => {
    const { load, pending } = manualLoader();
    const cache = new BinCache(load);
    const stale = cache.get("b1");
    cache.invalidate("b1");
    const fresh = cache.get("b1");
    pending[1]?.resolve(bin());
    await expect(fresh).resolves.toEqual(bin());
    pending[0]?.reject(new Error("late failure"));
    await expect(stale).rejects.toThrow("late failure");
    await expect(cache.get("b1")).resolves.toEqual(bin());
    expect(pending).toHaveLength(2);
  });
});
