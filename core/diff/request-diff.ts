import { diffLines } from "diff";
import diff from "microdiff";
import { bodyAsText, viewBody } from "../body/decode-body";
import { bodyBytes, type ExportableRequest } from "../export/request-input";
import type { HeaderPair } from "../requests/types";

export type DiffableRequest = Pick<
  ExportableRequest,
  "method" | "path" | "query" | "headers" | "bodyBase64" | "contentType"
>;

export type ChangeStatus = "same" | "changed" | "added" | "removed";

/** One header name across both requests; every value of a repeated header, in order. */
export interface HeaderDiff {
  /** As first written (by `a` when both have it). */
  name: string;
  a: string[] | null;
  b: string[] | null;
  status: ChangeStatus;
}

export interface JsonChange {
  /** Like `data.object.amount` or `items[2].id`; keys that are not identifiers as `["a b"]`. */
  path: string;
  kind: "added" | "removed" | "changed";
  a?: unknown;
  b?: unknown;
}

export interface TextPart {
  added: boolean;
  removed: boolean;
  value: string;
}

export type BodyDiff =
  | { kind: "same" }
  | { kind: "json"; changes: JsonChange[] }
  | { kind: "text"; parts: TextPart[] }
  | { kind: "binary"; equal: boolean; aSize: number; bSize: number };

export interface FieldChange {
  a: string;
  b: string;
  changed: boolean;
}

export interface RequestDiff {
  headers: HeaderDiff[];
  body: BodyDiff;
  meta: { method: FieldChange; path: FieldChange; query: FieldChange };
}

function groupByName(headers: readonly HeaderPair[]): Map<string, { name: string; values: string[] }> {
  const groups = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const group = groups.get(key);
    if (group) group.values.push(value);
    else groups.set(key, { name, values: [value] });
  }
  return groups;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** Headers matched by name ignoring case (as HTTP does): `a`'s order first, then names only `b` has. */
export function diffHeaders(a: readonly HeaderPair[], b: readonly HeaderPair[]): HeaderDiff[] {
  const left = groupByName(a);
  const right = groupByName(b);
  const rows: HeaderDiff[] = [];
  for (const [key, { name, values }] of left) {
    const other = right.get(key)?.values ?? null;
    const status = other === null ? "removed" : sameList(values, other) ? "same" : "changed";
    rows.push({ name, a: values, b: other, status });
  }
  for (const [key, { name, values }] of right) {
    if (!left.has(key)) rows.push({ name, a: null, b: values, status: "added" });
  }
  return rows;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatJsonPath(path: readonly (string | number)[]): string {
  return path
    .map((key, index) => {
      if (typeof key === "number") return `[${key}]`;
      if (!IDENTIFIER.test(key)) return `[${JSON.stringify(key)}]`;
      return index === 0 ? key : `.${key}`;
    })
    .join("");
}

type JsonContainer = Record<string, unknown> | unknown[];

function jsonContainer(contentType: string | null, text: string, size: number): JsonContainer | null {
  const view = viewBody(contentType, text, size);
  if (view.kind !== "json" || typeof view.value !== "object" || view.value === null) return null;
  return view.value as JsonContainer;
}

function jsonChanges(a: JsonContainer, b: JsonContainer): JsonChange[] {
  return diff(a, b).map((change): JsonChange => {
    const path = formatJsonPath(change.path);
    if (change.type === "CREATE") return { path, kind: "added", b: change.value };
    if (change.type === "REMOVE") return { path, kind: "removed", a: change.oldValue };
    return { path, kind: "changed", a: change.oldValue, b: change.value };
  });
}

const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, index) => byte === b[index]);

// Past this many line edits the diff gets slow enough to freeze a browser tab; show whole bodies instead.
const MAX_LINE_EDITS = 5000;

/** Identical bytes first; then JSON structure when both parse, lines when both are text, sizes otherwise. */
export function diffBodies(a: DiffableRequest, b: DiffableRequest): BodyDiff {
  const left = bodyBytes(a);
  const right = bodyBytes(b);
  if (bytesEqual(left, right)) return { kind: "same" };
  const leftText = bodyAsText(left);
  const rightText = bodyAsText(right);
  if (leftText === null || rightText === null) {
    return { kind: "binary", equal: false, aSize: left.length, bSize: right.length };
  }
  const leftJson = jsonContainer(a.contentType, leftText, left.length);
  const rightJson = jsonContainer(b.contentType, rightText, right.length);
  if (leftJson !== null && rightJson !== null && Array.isArray(leftJson) === Array.isArray(rightJson)) {
    return { kind: "json", changes: jsonChanges(leftJson, rightJson) };
  }
  const parts = diffLines(leftText, rightText, { maxEditLength: MAX_LINE_EDITS }) ?? [
    { added: false, removed: true, value: leftText },
    { added: true, removed: false, value: rightText },
  ];
  return {
    kind: "text",
    parts: parts
      .filter((part) => part.value !== "")
      .map(({ added, removed, value }) => ({ added, removed, value })),
  };
}

const field = (a: string, b: string): FieldChange => ({ a, b, changed: a !== b });

/** What differs between two captured requests: the target, each header, and the body. */
export function diffRequests(a: DiffableRequest, b: DiffableRequest): RequestDiff {
  return {
    headers: diffHeaders(a.headers, b.headers),
    body: diffBodies(a, b),
    meta: { method: field(a.method, b.method), path: field(a.path, b.path), query: field(a.query, b.query) },
  };
}
