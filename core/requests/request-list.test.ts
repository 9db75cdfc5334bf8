import { describe, expect, it } from "vitest";
import { addRequest, ordinal, visibleRows } from "./request-list";
import type { RequestSummary } from "./types";

function summary(
  id: number,
  duplicate?: { key: string; occurrence: number; firstId: number; deliveries?: number },
) {
  return {
    id: String(id),
    binId: "bin",
    method: "POST",
    path: `/${id}`,
    query: "",
    contentType: null,
    bodySize: 0,
    bodyTooLarge: false,
    remoteAddr: null,
    responseStatus: 200,
    receivedAt: new Date(0).toISOString(),
    duplicate: duplicate
      ? {
          isDuplicate: duplicate.occurrence > 1,
          key: duplicate.key,
          keySource: "github-delivery",
          firstId: String(duplicate.firstId),
          occurrence: duplicate.occurrence,
          deliveries: duplicate.deliveries ?? duplicate.occurrence,
        }
      : null,
    signature: null,
    previousId: null,
  } satisfies RequestSummary;
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe("addRequest", () => {
  it("puts a new request on top and one that committed late in its place", () => {
    let list = addRequest([], summary(2));
    list = addRequest(list, summary(5));
    list = addRequest(list, summary(3));
    list = addRequest(list, summary(1));
    expect(ids(list)).toEqual(["5", "3", "2", "1"]);
  });

  it("tells earlier deliveries of the same event how many there are now", () => {
    let list = addRequest([], summary(1, { key: "k", occurrence: 1, firstId: 1 }));
    list = addRequest(list, summary(2, { key: "k", occurrence: 2, firstId: 1 }));
    list = addRequest(list, summary(3, { key: "other", occurrence: 1, firstId: 3 }));
    expect(list.find((row) => row.id === "1")?.duplicate?.deliveries).toBe(2);
    expect(list.find((row) => row.id === "3")?.duplicate?.deliveries).toBe(1);
  });

  it("does not change the list it was given", () => {
    const before = [summary(1, { key: "k", occurrence: 1, firstId: 1 })];
    addRequest(before, summary(2, { key: "k", occurrence: 2, firstId: 1 }));
    expect(before[0]?.duplicate?.deliveries).toBe(1);
  });
});

describe("visibleRows", () => {
  const list = [
    summary(4, { key: "k", occurrence: 3, firstId: 1 }),
    summary(3),
    summary(2, { key: "k", occurrence: 2, firstId: 1 }),
    summary(1, { key: "k", occurrence: 1, firstId: 1, deliveries: 3 }),
  ];

  it("shows everything when not grouped", () => {
    expect(ids(visibleRows(list, { grouped: false, expanded: new Set() }).map((row) => row.summary))).toEqual(
      ["4", "3", "2", "1"],
    );
  });

  it("folds retries under their first delivery", () => {
    expect(ids(visibleRows(list, { grouped: true, expanded: new Set() }).map((row) => row.summary))).toEqual([
      "3",
      "1",
    ]);
  });

  it("shows a group's retries, nested, when it is expanded", () => {
    const rows = visibleRows(list, { grouped: true, expanded: new Set(["1"]) });
    expect(rows.map((row) => [row.summary.id, row.nested])).toEqual([
      ["3", false],
      ["1", false],
      ["4", true],
      ["2", true],
    ]);
  });

  it("keeps a retry visible when its first delivery is not loaded", () => {
    const page = [summary(9, { key: "old", occurrence: 2, firstId: 8 })];
    expect(visibleRows(page, { grouped: true, expanded: new Set() })).toHaveLength(1);
  });
});

describe("ordinal", () => {
  it.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [102, "102nd"],
    [111, "111th"],
  ])("%i → %s", (value, expected) => {
    expect(ordinal(value)).toBe(expected);
  });
});
