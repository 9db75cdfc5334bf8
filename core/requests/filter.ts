import { z } from "zod";
import type { RequestSummary } from "./types";

export const VERDICTS = ["valid", "invalid", "missing", "expired", "unchecked"] as const;
export type VerdictName = (typeof VERDICTS)[number];

/** A status the sender was answered with: an exact code (`404`) or a class (`4xx`). */
export type StatusMatch = { code: number } | { class: number };

/**
 * What narrows a bin's requests: the same filter serves the list API, the wait-for-request API, the
 * event stream and the dashboard's URL, so a filtered view is one bookmarkable link.
 */
export interface RequestFilter {
  methods?: string[];
  verdicts?: VerdictName[];
  /** "hide" keeps first deliveries only, "only" keeps retries only. */
  duplicates?: "show" | "hide" | "only";
  statuses?: StatusMatch[];
  since?: Date;
  until?: Date;
  /** Full-text terms over path, query, headers and body; every term must appear (case-insensitive). */
  search?: string[];
}

const list = (text: string) =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

const methodList = z
  .string()
  .transform((text) => list(text).map((method) => method.toUpperCase()))
  .pipe(
    z
      .array(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Z-]{1,20}$/, "method must be an HTTP method"))
      .max(20, "at most 20 methods"),
  );

const verdictList = z
  .string()
  .transform(list)
  .pipe(z.array(z.enum(VERDICTS, { message: `verdict must be one of ${VERDICTS.join(", ")}` })));

const statusList = z
  .string()
  .transform(list)
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^[1-5](\d\d|xx)$/i, "status must be a code like 404 or a class like 4xx")
          .transform((status): StatusMatch => {
            const lower = status.toLowerCase();
            return lower.endsWith("xx") ? { class: Number(lower[0]) } : { code: Number(lower) };
          }),
      )
      .max(20, "at most 20 statuses"),
  );

const isoTime = z.iso.datetime({ offset: true });
const epochMs = /^\d{1,15}$/;

/** An ISO 8601 time, or milliseconds since the epoch. */
const instant = z
  .string()
  .refine((text) => epochMs.test(text) || isoTime.safeParse(text).success, {
    message: "must be an ISO 8601 time or epoch milliseconds",
  })
  .transform((text) => new Date(epochMs.test(text) ? Number(text) : text));

/**
 * Splits a search box into terms; "double quotes" keep a phrase together. NUL is dropped, as it is
 * from the stored search text (Postgres text cannot hold it), so "a\0b" finds what "ab" finds.
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.replaceAll("\0", "").matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = match[1] ?? match[2] ?? "";
    if (term.trim()) terms.push(term);
  }
  return terms;
}

/** The filter's query parameters (strings in, a RequestFilter out). */
export const requestFilterParamsSchema = z
  .object({
    method: methodList.optional(),
    verdict: verdictList.optional(),
    duplicates: z
      .enum(["show", "hide", "only"], { message: 'duplicates must be "show", "hide" or "only"' })
      .optional(),
    status: statusList.optional(),
    since: instant.optional(),
    until: instant.optional(),
    q: z
      .string()
      .max(200, "q must be at most 200 characters")
      .transform(searchTerms)
      .pipe(z.array(z.string()).max(10, "q may hold at most 10 terms"))
      .optional(),
  })
  .transform(
    (params): RequestFilter => ({
      ...(params.method?.length ? { methods: params.method } : {}),
      ...(params.verdict?.length ? { verdicts: params.verdict } : {}),
      ...(params.duplicates && params.duplicates !== "show" ? { duplicates: params.duplicates } : {}),
      ...(params.status?.length ? { statuses: params.status } : {}),
      ...(params.since ? { since: params.since } : {}),
      ...(params.until ? { until: params.until } : {}),
      ...(params.q?.length ? { search: params.q } : {}),
    }),
  );

/** The query parameters that express a filter: the inverse of requestFilterParamsSchema. */
export function filterToParams(filter: RequestFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.methods?.length) params.method = filter.methods.join(",");
  if (filter.verdicts?.length) params.verdict = filter.verdicts.join(",");
  if (filter.duplicates && filter.duplicates !== "show") params.duplicates = filter.duplicates;
  if (filter.statuses?.length) {
    params.status = filter.statuses.map((s) => ("code" in s ? String(s.code) : `${s.class}xx`)).join(",");
  }
  if (filter.since) params.since = filter.since.toISOString();
  if (filter.until) params.until = filter.until.toISOString();
  if (filter.search?.length) {
    params.q = filter.search.map((term) => (/\s/.test(term) ? `"${term}"` : term)).join(" ");
  }
  return params;
}

export function isFilterEmpty(filter: RequestFilter): boolean {
  return Object.keys(filterToParams(filter)).length === 0;
}

function statusMatches(status: number, matches: readonly StatusMatch[]): boolean {
  return matches.some((m) => ("code" in m ? m.code === status : Math.floor(status / 100) === m.class));
}

/**
 * Whether a summary passes the filter's column conditions. Search terms need the headers and body,
 * which a summary lacks: the database answers those (see `filter.search`).
 */
export function summaryMatches(summary: RequestSummary, filter: RequestFilter): boolean {
  if (filter.methods?.length && !filter.methods.includes(summary.method)) return false;
  if (filter.verdicts?.length) {
    const verdict = summary.signature?.verdict;
    if (!verdict || !filter.verdicts.includes(verdict as VerdictName)) return false;
  }
  const retry = summary.duplicate?.isDuplicate === true;
  if (filter.duplicates === "hide" && retry) return false;
  if (filter.duplicates === "only" && !retry) return false;
  if (filter.statuses?.length && !statusMatches(summary.responseStatus, filter.statuses)) return false;
  const at = Date.parse(summary.receivedAt);
  if (filter.since && at < filter.since.getTime()) return false;
  if (filter.until && at > filter.until.getTime()) return false;
  return true;
}
