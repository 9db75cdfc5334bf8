"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { ListRow } from "@/core/requests/request-list";
import { DuplicateBadge, GroupToggle } from "./duplicate-badge";
import { displayPath, formatBytes, relativeTime } from "./format";
import { MethodBadge, StatusBadge } from "./method-badge";
import { useNow } from "./use-now";
import { VerdictBadge } from "./verdict-badge";

const ROW_HEIGHT = 60;

interface RequestListProps {
  rows: ListRow[];
  expanded: ReadonlySet<string>;
  onToggleGroup?: (firstId: string) => void;
  selectedId: string | null;
  freshIds: ReadonlySet<string>;
  onSelect: (id: string) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** Ticked rows (for replaying several, or comparing two); absent when the viewer cannot act on them. */
  checked?: ReadonlySet<string>;
  onToggleCheck?: (id: string) => void;
}

/** Virtualised, so a bin with thousands of requests scrolls as smoothly as one with ten. */
export function RequestList(props: RequestListProps) {
  const { rows, expanded, onToggleGroup, selectedId, freshIds, onSelect, hasMore, loadingMore, onLoadMore } =
    props;
  const { checked, onToggleCheck } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useNow();
  // In grouped mode a retried first delivery gets a toggle (a button of its own, beside the row's).
  const groupable = (row: ListRow) =>
    Boolean(
      onToggleGroup &&
        !row.nested &&
        !row.summary.duplicate?.isDuplicate &&
        (row.summary.duplicate?.deliveries ?? 0) > 1,
    );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const selectedIndex = rows.findIndex((row) => row.summary.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

  return (
    <div ref={scrollRef} className="h-full overflow-auto" data-testid="request-list">
      <ul className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const request = row.summary;
          const selected = request.id === selectedId;
          return (
            <li
              key={request.id}
              className="absolute inset-x-0"
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <button
                type="button"
                data-testid="request-row"
                data-request-id={request.id}
                aria-current={selected ? "true" : undefined}
                onClick={(event) =>
                  onToggleCheck && (event.metaKey || event.ctrlKey)
                    ? onToggleCheck(request.id)
                    : onSelect(request.id)
                }
                className={`flex h-full w-full flex-col justify-center gap-1 border-b border-l-2 border-b-zinc-100 pr-4 text-left ${row.nested ? "pl-8" : "pl-4"} ${onToggleCheck ? "!pl-10" : ""} transition-colors dark:border-b-zinc-800/70 ${
                  selected
                    ? "border-l-indigo-500 bg-indigo-50 dark:bg-indigo-950/40"
                    : "border-l-transparent hover:bg-zinc-50 dark:hover:bg-zinc-900"
                } ${freshIds.has(request.id) ? "animate-arrive" : ""}`}
              >
                <span className="flex w-full items-center gap-2">
                  <MethodBadge method={request.method} />
                  <span className="min-w-0 flex-1 truncate font-mono text-[13px]">
                    {displayPath(request.path, request.query)}
                  </span>
                  {!groupable(row) && <DuplicateBadge duplicate={request.duplicate} />}
                  <VerdictBadge signature={request.signature} />
                  <StatusBadge status={request.responseStatus} />
                </span>
                <span
                  className={`flex w-full items-center gap-2 text-xs text-zinc-500 ${groupable(row) ? "pl-[11rem]" : "pl-[4.5rem]"}`}
                >
                  <span className="truncate">{request.contentType ?? "no content type"}</span>
                  <span className="ml-auto shrink-0">{formatBytes(request.bodySize)}</span>
                  <span className="w-16 shrink-0 text-right" title={request.receivedAt}>
                    {relativeTime(request.receivedAt, now)}
                  </span>
                </span>
              </button>
              {onToggleCheck && (
                <input
                  type="checkbox"
                  aria-label={`Select request ${request.id}`}
                  data-testid="row-check"
                  checked={checked?.has(request.id) ?? false}
                  onChange={() => onToggleCheck(request.id)}
                  className="absolute top-1/2 left-4 -translate-y-1/2 accent-indigo-600"
                />
              )}
              {groupable(row) && onToggleGroup && (
                <GroupToggle
                  className={`absolute bottom-2.5 ${onToggleCheck ? "left-[8rem]" : row.nested ? "left-[6.5rem]" : "left-[6rem]"}`}
                  deliveries={request.duplicate?.deliveries ?? 0}
                  expanded={expanded.has(request.id)}
                  onToggle={() => onToggleGroup(request.id)}
                />
              )}
            </li>
          );
        })}
      </ul>
      {hasMore && (
        <div className="p-3 text-center">
          <button
            type="button"
            onClick={onLoadMore}
            disabled={loadingMore}
            className="text-sm font-medium text-indigo-600 hover:underline disabled:opacity-50 dark:text-indigo-400"
          >
            {loadingMore ? "Loading…" : "Load older requests"}
          </button>
        </div>
      )}
    </div>
  );
}
