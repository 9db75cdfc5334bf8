import type { RequestSummary } from "./types";

const newer = (a: RequestSummary, b: RequestSummary) => Number(b.id) - Number(a.id);

/**
 * Adds a request to a newest-first list. Commits can land slightly out of id order, so it is placed
 * by id rather than at the top. Deliveries of the same event already listed learn the new count.
 */
export function addRequest(list: readonly RequestSummary[], summary: RequestSummary): RequestSummary[] {
  const key = summary.duplicate?.key;
  const seen = summary.duplicate?.deliveries ?? 0;
  const updated = key
    ? list.map((row) =>
        row.duplicate?.key === key && row.duplicate.deliveries < seen
          ? { ...row, duplicate: { ...row.duplicate, deliveries: seen } }
          : row,
      )
    : [...list];
  const index = updated.findIndex((row) => newer(row, summary) > 0);
  updated.splice(index === -1 ? updated.length : index, 0, summary);
  return updated;
}

export interface ListRow {
  summary: RequestSummary;
  /** A later delivery shown under its first one. */
  nested: boolean;
}

/**
 * The rows to show. Grouped, later deliveries of an event fold under its first delivery and appear
 * (nested) only when that group is expanded; a retry whose first delivery is not loaded stays visible.
 */
export function visibleRows(
  list: readonly RequestSummary[],
  options: { grouped: boolean; expanded: ReadonlySet<string> },
): ListRow[] {
  if (!options.grouped) return list.map((summary) => ({ summary, nested: false }));
  const loaded = new Set(list.map((row) => row.id));
  const retries = new Map<string, RequestSummary[]>();
  for (const row of list) {
    const first = row.duplicate?.isDuplicate ? row.duplicate.firstId : null;
    if (first && loaded.has(first)) retries.set(first, [...(retries.get(first) ?? []), row]);
  }
  const rows: ListRow[] = [];
  for (const summary of list) {
    const first = summary.duplicate?.isDuplicate ? summary.duplicate.firstId : null;
    if (first && loaded.has(first)) continue;
    rows.push({ summary, nested: false });
    if (options.expanded.has(summary.id)) {
      for (const retry of retries.get(summary.id) ?? []) rows.push({ summary: retry, nested: true });
    }
  }
  return rows;
}

/** "2nd", "3rd", "11th", … */
export function ordinal(value: number): string {
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][value % 10] ?? "th");
  return `${value}${suffix}`;
}
