"use client";

import { type ReactNode, useEffect, useState } from "react";
import { type RequestFilter, searchTerms, VERDICTS, type VerdictName } from "@/core/requests/filter";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const STATUS_CLASSES = [2, 3, 4, 5];
const RANGES = [
  { label: "Last 15 minutes", ms: 15 * 60_000 },
  { label: "Last hour", ms: 60 * 60_000 },
  { label: "Last 24 hours", ms: 24 * 60 * 60_000 },
  { label: "Last 7 days", ms: 7 * 24 * 60 * 60_000 },
];
const SEARCH_DELAY_MS = 300;

const selectClass =
  "rounded border border-zinc-300 bg-white px-1.5 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-900";

function searchBox(filter: RequestFilter): string {
  return (filter.search ?? []).map((term) => (/\s/.test(term) ? `"${term}"` : term)).join(" ");
}

interface FilterBarProps {
  filter: RequestFilter;
  onFilterChange: (filter: RequestFilter) => void;
  grouped: boolean;
  onGroupedChange: (grouped: boolean) => void;
  /** Shown under the filters (export and import). */
  children?: ReactNode;
}

/**
 * Search box and filters over the bin's requests. Every change goes to the server (and the URL), so
 * the list, the live stream and a shared link all show the same view.
 */
export function FilterBar({ filter, onFilterChange, grouped, onGroupedChange, children }: FilterBarProps) {
  const [text, setText] = useState(() => searchBox(filter));
  const change = (patch: Partial<RequestFilter>) => {
    const next: RequestFilter = { ...filter, ...patch };
    for (const key of Object.keys(patch) as (keyof RequestFilter)[])
      if (patch[key] === undefined) delete next[key];
    onFilterChange(next);
  };

  // Typing waits for a pause, so each keystroke is not a query.
  useEffect(() => {
    const terms = searchTerms(text);
    if (terms.join("\u0000") === (filter.search ?? []).join("\u0000")) return;
    const timer = setTimeout(() => {
      const next: RequestFilter = { ...filter, search: terms };
      if (terms.length === 0) delete next.search;
      onFilterChange(next);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filter, onFilterChange]);

  const method = filter.methods?.length === 1 ? filter.methods[0] : "";
  const verdict = filter.verdicts?.length === 1 ? filter.verdicts[0] : "";
  const onlyStatus = filter.statuses?.length === 1 ? filter.statuses[0] : undefined;
  const status = onlyStatus && "class" in onlyStatus ? onlyStatus.class : "";
  const since = filter.since ? filter.since.toISOString() : "";
  const active = Object.keys(filter).length > 0;

  return (
    <div className="flex flex-col gap-2 border-b border-zinc-200 px-4 py-2 text-xs dark:border-zinc-800">
      <input
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Search path, headers and body…"
        aria-label="Search requests"
        data-testid="search"
        className="w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label="Filter by method"
          data-testid="method-filter"
          value={method}
          onChange={(event) => change({ methods: event.target.value ? [event.target.value] : undefined })}
          className={selectClass}
        >
          <option value="">Any method</option>
          {METHODS.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by signature"
          data-testid="verdict-filter"
          value={verdict}
          onChange={(event) =>
            change({ verdicts: event.target.value ? [event.target.value as VerdictName] : undefined })
          }
          className={selectClass}
        >
          <option value="">Any signature</option>
          {VERDICTS.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by answered status"
          data-testid="status-filter"
          value={status}
          onChange={(event) =>
            change({ statuses: event.target.value ? [{ class: Number(event.target.value) }] : undefined })
          }
          className={selectClass}
        >
          <option value="">Any status</option>
          {STATUS_CLASSES.map((value) => (
            <option key={value} value={value}>
              {value}xx
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by delivery"
          data-testid="duplicates-filter"
          value={filter.duplicates ?? ""}
          onChange={(event) =>
            change({ duplicates: (event.target.value || undefined) as RequestFilter["duplicates"] })
          }
          className={selectClass}
        >
          <option value="">All deliveries</option>
          <option value="hide">First deliveries</option>
          <option value="only">Retries only</option>
        </select>
        <select
          aria-label="Filter by time"
          data-testid="time-filter"
          value={since ? "custom" : ""}
          onChange={(event) => {
            const range = RANGES[Number(event.target.value)];
            change({ since: range ? new Date(Date.now() - range.ms) : undefined, until: undefined });
          }}
          className={selectClass}
        >
          <option value="">Any time</option>
          {since && (
            <option value="custom" disabled>
              Since {new Date(since).toLocaleString()}
            </option>
          )}
          {RANGES.map((range, index) => (
            <option key={range.label} value={index}>
              {range.label}
            </option>
          ))}
        </select>
        <label className="flex cursor-pointer items-center gap-1.5 text-zinc-600 dark:text-zinc-400">
          <input
            type="checkbox"
            checked={grouped}
            onChange={(event) => onGroupedChange(event.target.checked)}
            className="accent-indigo-600"
            data-testid="group-retries"
          />
          Group retries
        </label>
        {active && (
          <button
            type="button"
            onClick={() => {
              setText("");
              onFilterChange({});
            }}
            className="ml-auto text-indigo-600 hover:underline dark:text-indigo-400"
            data-testid="clear-filters"
          >
            Clear filters
          </button>
        )}
      </div>
      {children}
    </div>
  );
}
