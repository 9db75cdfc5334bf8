import { describe, expect, it } from "vitest";
import { JSON_PATH_PATTERN, readJsonPath } from "./json-path";

describe("JSON_PATH_PATTERN", () => {
  it.each([
    "id",
    "data.object.id",
    "$.event.id",
    "items[0].id",
    "event.items[12][3].id",
    "meta.x-request-id",
    "_private.$ref",
  ])("accepts %j", (path) => {
    expect(JSON_PATH_PATTERN.test(path)).toBe(true);
  });

  it.each(["", "..a", "a..b", "a.", ".a", "a[x]", "a[]", "a[-1]", "a b", "[0].id", "1abc", "$..a"])(
    "rejects %j",
    (path) => {
      expect(JSON_PATH_PATTERN.test(path)).toBe(false);
    },
  );
});

describe("readJsonPath", () => {
  const stripeEvent = {
    id: "evt_1NG8Du2eZvKYlo2CUI79vXWy",
    data: { object: { id: "pi_3NG8Dt2eZvKYlo2C0u8kbL1m", amount: 2000, metadata: {} } },
  };

  it("reads a top-level key", () => {
    expect(readJsonPath(stripeEvent, "id")).toBe("evt_1NG8Du2eZvKYlo2CUI79vXWy");
  });

  it("reads nested objects", () => {
    expect(readJsonPath(stripeEvent, "data.object.id")).toBe("pi_3NG8Dt2eZvKYlo2C0u8kbL1m");
    expect(readJsonPath(stripeEvent, "data.object.amount")).toBe(2000);
  });

  it("ignores a leading $.", () => {
    expect(readJsonPath(stripeEvent, "$.data.object.id")).toBe("pi_3NG8Dt2eZvKYlo2C0u8kbL1m");
  });

  it("reads array indexes, including consecutive ones", () => {
    const value = {
      items: [{ id: "a" }, { id: "b" }],
      grid: [
        [1, 2],
        [3, 4],
      ],
    };
    expect(readJsonPath(value, "items[0].id")).toBe("a");
    expect(readJsonPath(value, "items[1].id")).toBe("b");
    expect(readJsonPath(value, "grid[1][0]")).toBe(3);
  });

  it("returns a whole object or array when the path ends on one", () => {
    expect(readJsonPath(stripeEvent, "data.object.metadata")).toEqual({});
    expect(readJsonPath({ items: [1, 2] }, "items")).toEqual([1, 2]);
  });

  it("returns null when the value at the path is null", () => {
    expect(readJsonPath({ a: null }, "a")).toBeNull();
  });

  it.each([
    ["a missing key", "data.missing"],
    ["a missing nested key", "data.object.missing.id"],
    ["an index past the end", "data.list[5]"],
    ["an index into an object", "data.object[0]"],
  ])("returns undefined for %s", (_label, path) => {
    expect(readJsonPath({ data: { object: { id: "x" }, list: [1] } }, path)).toBeUndefined();
  });

  it.each([
    ["a string", { a: "text" }, "a.length"],
    ["a number", { a: 42 }, "a.b"],
    ["a boolean", { a: true }, "a.b"],
    ["null", { a: null }, "a.b"],
  ])("returns undefined when %s is in the way", (_label, value, path) => {
    expect(readJsonPath(value, path)).toBeUndefined();
  });

  it.each([undefined, null, "text", 7])("returns undefined when the root is %j", (root) => {
    expect(readJsonPath(root, "a")).toBeUndefined();
  });
});

describe("readJsonPath: only what the JSON holds", () => {
  it.each([
    [{ items: [] }, "items.length"],
    [{}, "constructor"],
    [{ a: "text" }, "a.length"],
    [{ a: {} }, "a.toString"],
  ])("finds nothing at %j → %s", (value, path) => {
    expect(readJsonPath(value, path)).toBeUndefined();
  });
});
