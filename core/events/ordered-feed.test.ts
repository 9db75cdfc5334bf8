import { describe, expect, it } from "vitest";
import { type ChainedItem, orderedFeed } from "./ordered-feed";

const item = (id: number, previousId: number | null): ChainedItem => ({
  id: String(id),
  previousId: previousId === null ? null : String(previousId),
});

/** A feed over a table of stored items; records what it sent and which gaps it read. */
function feed(options: {
  cursor: number;
  stored?: ChainedItem[];
  passes?: (item: ChainedItem) => boolean | Promise<boolean>;
}) {
  const sent: string[] = [];
  const gaps: [number, number | undefined][] = [];
  const errors: unknown[] = [];
  const instance = orderedFeed<ChainedItem>({
    cursor: options.cursor,
    readGap: async (after, before) => {
      gaps.push([after, before]);
      return (options.stored ?? []).filter(
        (row) => Number(row.id) > after && Number(row.id) < (before ?? Number.POSITIVE_INFINITY),
      );
    },
    passes: options.passes ?? (() => true),
    send: (row) => sent.push(row.id),
    onError: (error) => errors.push(error),
  });
  return { ...instance, sent, gaps, errors };
}

describe("the ordered feed", () => {
  it("sends requests that come in order at once, without reading the table", () => {
    const f = feed({ cursor: 10 });
    f.push(item(11, 10));
    f.push(item(14, 11));
    f.push(item(15, null));
    expect(f.sent).toEqual(["11", "14", "15"]);
    expect(f.gaps).toEqual([]);
  });

  it("reads the gap when a request names one it has not seen, and drops that one when it comes late", async () => {
    const f = feed({ cursor: 10, stored: [item(12, 10), item(13, 12)] });
    f.push(item(13, 12));
    f.push(item(12, 10));
    f.push(item(16, 13));
    await f.settled();
    expect(f.sent).toEqual(["12", "13", "16"]);
    expect(f.gaps).toEqual([[10, 13]]);
  });

  it("sends the backfill first, holding live events back, and drops the ones it already sent", async () => {
    const f = feed({ cursor: 10, stored: [item(11, 10), item(12, 11)] });
    f.catchUp();
    f.push(item(12, 11));
    f.push(item(13, 12));
    expect(f.sent).toEqual([]);
    await f.settled();
    expect(f.sent).toEqual(["11", "12", "13"]);
    expect(f.gaps).toEqual([[10, undefined]]);
  });

  it("drops what the backfill already sent", () => {
    const f = feed({ cursor: 20 });
    f.push(item(19, 18));
    f.push(item(20, 19));
    f.push(item(21, 20));
    expect(f.sent).toEqual(["21"]);
  });

  it("counts a request the filter leaves out as seen, so the next one reads no gap", () => {
    const f = feed({ cursor: 1, passes: (row) => row.id !== "2" });
    f.push(item(2, 1));
    f.push(item(3, 2));
    expect(f.sent).toEqual(["3"]);
    expect(f.gaps).toEqual([]);
  });

  it("keeps the order of requests whose check waits on the database", async () => {
    const delays: Record<string, number> = { "2": 30, "3": 0, "4": 10 };
    const f = feed({
      cursor: 1,
      passes: (row) => new Promise((resolve) => setTimeout(() => resolve(true), delays[row.id])),
    });
    f.push(item(2, 1));
    f.push(item(3, 2));
    f.push(item(4, 3));
    await f.settled();
    expect(f.sent).toEqual(["2", "3", "4"]);
  });

  it("reports a gap it could not read instead of sending past it", async () => {
    const errors: unknown[] = [];
    const sent: string[] = [];
    const broken = orderedFeed<ChainedItem>({
      cursor: 1,
      readGap: () => Promise.reject(new Error("database gone")),
      passes: () => true,
      send: (row) => sent.push(row.id),
      onError: (error) => errors.push(error),
    });
    broken.push(item(5, 3));
    await broken.settled();
    expect(errors).toEqual([new Error("database gone")]);
    expect(sent).toEqual([]);
  });
});
