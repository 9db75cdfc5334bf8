"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { BinJson } from "@/core/bins/serialize";
import type { RequestSummary } from "@/core/requests/types";
import { BinHeader } from "./bin-header";
import { EmptyState } from "./empty-state";
import { RequestDetail } from "./request-detail";
import { RequestList } from "./request-list";
import { useBinEvents } from "./use-bin-events";
import { useListKeys } from "./use-list-keys";

const PAGE_SIZE = 100;

interface BinDashboardProps {
  bin: BinJson;
  token: string;
  initialRequests: RequestSummary[];
}

export function BinDashboard({ bin, token, initialRequests }: BinDashboardProps) {
  const [requests, setRequests] = useState(initialRequests);
  const [selectedId, setSelectedId] = useState<string | null>(initialRequests[0]?.id ?? null);
  const [freshIds, setFreshIds] = useState<ReadonlySet<string>>(new Set());
  const [hasMore, setHasMore] = useState(initialRequests.length >= PAGE_SIZE);
  const [loadingMore, setLoadingMore] = useState(false);
  const known = useRef(new Set(initialRequests.map((request) => request.id)));
  const newestId = useRef<string | undefined>(initialRequests[0]?.id);

  const onRequest = useCallback((summary: RequestSummary) => {
    if (known.current.has(summary.id)) return;
    known.current.add(summary.id);
    if (!newestId.current || Number(summary.id) > Number(newestId.current)) newestId.current = summary.id;
    // Commits can land slightly out of id order; keep the list sorted newest first regardless.
    setRequests((current) => {
      const index = current.findIndex((request) => Number(request.id) < Number(summary.id));
      return index === -1
        ? [...current, summary]
        : [...current.slice(0, index), summary, ...current.slice(index)];
    });
    setSelectedId((current) => current ?? summary.id);
    setFreshIds((current) => new Set(current).add(summary.id));
  }, []);

  const streamState = useBinEvents(bin.id, () => newestId.current, onRequest);

  useEffect(() => {
    if (freshIds.size === 0) return;
    const timer = setTimeout(() => setFreshIds(new Set()), 1_800);
    return () => clearTimeout(timer);
  }, [freshIds]);

  const loadMore = useCallback(async () => {
    const oldest = requests.at(-1);
    if (!oldest) return;
    setLoadingMore(true);
    try {
      const response = await fetch(`/api/bins/${bin.id}/requests?limit=${PAGE_SIZE}&before=${oldest.id}`);
      if (!response.ok) return;
      const page = (await response.json()) as { requests: RequestSummary[]; nextCursor: string | null };
      const older = page.requests.filter((request) => !known.current.has(request.id));
      for (const request of older) known.current.add(request.id);
      setRequests((current) => [...current, ...older]);
      setHasMore(page.nextCursor !== null);
    } finally {
      setLoadingMore(false);
    }
  }, [bin.id, requests]);

  useListKeys(requests, selectedId, setSelectedId, bin.captureUrl);

  const selected = requests.find((request) => request.id === selectedId);

  return (
    <div className="flex h-screen flex-col">
      <BinHeader
        bin={bin}
        token={token}
        streamState={streamState}
        count={requests.length}
        hasMore={hasMore}
      />
      {requests.length === 0 ? (
        <main className="min-h-0 flex-1 overflow-auto">
          <EmptyState captureUrl={bin.captureUrl} />
        </main>
      ) : (
        <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)] grid-rows-[minmax(0,40%)_minmax(0,1fr)] md:grid-cols-[minmax(22rem,28rem)_1fr] md:grid-rows-1">
          <aside className="min-h-0 border-b border-zinc-200 md:border-r md:border-b-0 dark:border-zinc-800">
            <RequestList
              requests={requests}
              selectedId={selectedId}
              freshIds={freshIds}
              onSelect={setSelectedId}
              hasMore={hasMore}
              loadingMore={loadingMore}
              onLoadMore={loadMore}
            />
          </aside>
          <div className="min-h-0">
            {selected ? (
              <RequestDetail
                key={selected.id}
                binId={bin.id}
                summary={selected}
                captureUrl={bin.captureUrl}
              />
            ) : (
              <p className="p-6 text-sm text-zinc-500">Select a request to see everything that was sent.</p>
            )}
          </div>
        </main>
      )}
    </div>
  );
}
