import { describe, expect, it } from "vitest";
import { bytesToBase64 } from "../export/request-input";
import { type DiffableRequest, diffBodies, diffHeaders, diffRequests, formatJsonPath } from "./request-diff";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function request(
  fields: Partial<Omit<DiffableRequest, "bodyBase64">> & { body?: Uint8Array | string },
): DiffableRequest {
  const { body = new Uint8Array(), ...rest } = fields;
  return {
    method: "POST",
    path: "",
    query: "",
    headers: [],
    contentType: null,
    ...rest,
    bodyBase64: bytesToBase64(typeof body === "string" ? utf8(body) : body),
  };
}

const json = (value: unknown): DiffableRequest =>
  request({ contentType: "application/json", body: JSON.stringify(value) });

describe("diffHeaders", () => {
  it("matches names ignoring case and groups repeats in order", () => {
    expect(
      diffHeaders(
        [
          ["Content-Type", "application/json"],
          ["X-Tag", "a"],
          ["x-tag", "b"],
          ["X-Old", "1"],
          ["Stripe-Signature", "t=1,v1=aa"],
        ],
        [
          ["content-type", "application/json"],
          ["stripe-signature", "t=2,v1=bb"],
          ["X-Tag", "a"],
          ["X-Tag", "b"],
          ["X-New", "2"],
        ],
      ),
    ).toEqual([
      { name: "Content-Type", a: ["application/json"], b: ["application/json"], status: "same" },
      { name: "X-Tag", a: ["a", "b"], b: ["a", "b"], status: "same" },
      { name: "X-Old", a: ["1"], b: null, status: "removed" },
      { name: "Stripe-Signature", a: ["t=1,v1=aa"], b: ["t=2,v1=bb"], status: "changed" },
      { name: "X-New", a: null, b: ["2"], status: "added" },
    ]);
  });

  it("counts a different order or number of repeats as a change", () => {
    expect(
      diffHeaders(
        [
          ["X", "1"],
          ["X", "2"],
        ],
        [
          ["X", "2"],
          ["X", "1"],
        ],
      )[0]?.status,
    ).toBe("changed");
    expect(
      diffHeaders(
        [["X", "1"]],
        [
          ["X", "1"],
          ["X", "1"],
        ],
      )[0]?.status,
    ).toBe("changed");
  });

  it("returns nothing for two requests without headers", () => {
    expect(diffHeaders([], [])).toEqual([]);
  });
});

describe("formatJsonPath", () => {
  it.each([
    [["data", "object", "amount"], "data.object.amount"],
    [["items", 2, "id"], "items[2].id"],
    [[0, "id"], "[0].id"],
    [["a b", "c-d", "ok"], '["a b"]["c-d"].ok'],
  ])("writes %j as %s", (path, expected) => {
    expect(formatJsonPath(path)).toBe(expected);
  });
});

describe("diffBodies", () => {
  it("reports identical bodies as the same", () => {
    expect(diffBodies(request({ body: "x" }), request({ body: "x" }))).toEqual({ kind: "same" });
    expect(diffBodies(request({}), request({}))).toEqual({ kind: "same" });
    expect(
      diffBodies(request({ body: Uint8Array.from([0xff]) }), request({ body: Uint8Array.from([0xff]) })),
    ).toEqual({ kind: "same" });
  });

  it("diffs JSON key by key", () => {
    const a = json({
      type: "charge.succeeded",
      data: { object: { amount: 100, currency: "usd" } },
      items: [{ id: 1 }],
    });
    const b = json({
      type: "charge.succeeded",
      data: { object: { amount: 250 } },
      items: [{ id: 1 }, { id: 2 }],
      livemode: false,
    });
    expect(diffBodies(a, b)).toEqual({
      kind: "json",
      changes: [
        { path: "data.object.amount", kind: "changed", a: 100, b: 250 },
        { path: "data.object.currency", kind: "removed", a: "usd" },
        { path: "items[1]", kind: "added", b: { id: 2 } },
        { path: "livemode", kind: "added", b: false },
      ],
    });
  });

  it("finds no structural change when only the formatting differs", () => {
    const compact = request({ contentType: "application/json", body: '{"a":1,"b":[1,2]}' });
    const pretty = request({ contentType: "application/json", body: '{\n  "a": 1,\n  "b": [1, 2]\n}\n' });
    expect(diffBodies(compact, pretty)).toEqual({ kind: "json", changes: [] });
  });

  it("sniffs JSON without a content type, like the body viewer", () => {
    expect(diffBodies(request({ body: '{"a":1}' }), request({ body: '{"a":2}' }))).toEqual({
      kind: "json",
      changes: [{ path: "a", kind: "changed", a: 1, b: 2 }],
    });
  });

  it("diffs text line by line", () => {
    expect(diffBodies(request({ body: "a\nb\nc\n" }), request({ body: "a\nB\nc\nd\n" }))).toEqual({
      kind: "text",
      parts: [
        { added: false, removed: false, value: "a\n" },
        { added: false, removed: true, value: "b\n" },
        { added: true, removed: false, value: "B\n" },
        { added: false, removed: false, value: "c\n" },
        { added: true, removed: false, value: "d\n" },
      ],
    });
  });

  it("diffs as text when only one side is JSON, or JSON claimed but broken", () => {
    expect(diffBodies(json({ a: 1 }), request({ body: "plain" }))).toMatchObject({ kind: "text" });
    const broken = request({ contentType: "application/json", body: '{"a":' });
    expect(diffBodies(json({ a: 1 }), broken)).toMatchObject({ kind: "text" });
  });

  it("diffs as text when the top-level JSON values are of different kinds", () => {
    expect(diffBodies(json([1]), json({ 0: 1 }))).toMatchObject({ kind: "text" });
    expect(diffBodies(json(1), json(2))).toMatchObject({ kind: "text" });
  });

  it("compares sizes when either body is binary", () => {
    expect(diffBodies(request({ body: Uint8Array.from([0, 0xff]) }), request({ body: "text" }))).toEqual({
      kind: "binary",
      equal: false,
      aSize: 2,
      bSize: 4,
    });
    expect(diffBodies(request({ body: "" }), request({ body: Uint8Array.from([0xc3]) }))).toEqual({
      kind: "binary",
      equal: false,
      aSize: 0,
      bSize: 1,
    });
  });
});

describe("diffRequests", () => {
  it("reports method, path and query changes alongside headers and body", () => {
    const a = request({ method: "POST", path: "/hook", query: "a=1", headers: [["X", "1"]], body: "same" });
    const b = request({ method: "PUT", path: "/hook", query: "a=2", headers: [["x", "1"]], body: "same" });
    expect(diffRequests(a, b)).toEqual({
      headers: [{ name: "X", a: ["1"], b: ["1"], status: "same" }],
      body: { kind: "same" },
      meta: {
        method: { a: "POST", b: "PUT", changed: true },
        path: { a: "/hook", b: "/hook", changed: false },
        query: { a: "a=1", b: "a=2", changed: true },
      },
    });
  });
});
