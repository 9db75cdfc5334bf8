"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { BinJson } from "@/core/bins/serialize";
import { filterToParams, isFilterEmpty, type RequestFilter } from "@/core/requests/filter";
import { addRequest, visibleRows } from "@/core/requests/request-list";
import type { RequestDetail as Detail, RequestSummary } from "@/core/requests/types";
import { BinHeader, type DashboardAccess } from "./bin-header";
import { BinSettings } from "./bin-settings";
import { CompareView } from "./compare-view";
import { EmptyState } from "./empty-state";
import { FilterBar } from "./filter-bar";
import { ListActions } from "./list-actions";
import { RequestDetail } from "./request-detail";
import { RequestList } from "./request-list";
import { SelectionBar } from "./selection-bar";
import { useBinEvents } from "./use-bin-events";
import { useListKeys } from "./use-list-keys";

const PAGE_SIZE = 100;

interface BinDashboardProps {
  bin: BinJson;
  token: string;
  initialRequests: RequestSummary[];
  initialFilter: RequestFilter;
  /** The owner; a share link's viewer (read-only); or a viewer of one shared request. */
  access: DashboardAccess;
  schemes: { id: string; name: string }[];
}

function toSummary(detail: Detail): RequestSummary {
  const { headers: _headers, bodyBase64: _body, bodyText: _text, decoded: _decoded, ...summary } = detail;
  return summary;
}

const listQuery = (filter: RequestFilter) => new URLSearchParams(filterToParams(filter)).toString();

export function BinDashboard(props: BinDashboardProps) {
  const { bin: initialBin, token, initialRequests, initialFilter, schemes, access } = props;
  const owner = access === "owner";
  const [bin, setBin] = useState(initialBin);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [filter, setFilter] = useState(initialFilter);
  // The stream follows the filter of the list on screen: it switches once the new first page is in.
  const [streamQuery, setStreamQuery] = useState(() => listQuery(initialFilter));
  const [loading, setLoading] = useState(false);
  // Said only once a load takes a while, so quick ones do not flash a message.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!loading) return;
    const timer = setTimeout(() => setSlow(true), 600);
    return () => clearTimeout(timer);
  }, [loading]);
  const [compareWith, setCompareWith] = useState<string | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const toggleCheck = useCallback((id: string) => {
    setChecked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const checkedIds = useMemo(() => [...checked].sort((a, b) => Number(a) - Number(b)), [checked]);
  const [requests, setRequests] = useState(initialRequests);
  const [selectedId, setSelectedId] = useState<string | null>(initialRequests[0]?.id ?? null);
  const [freshIds, setFreshIds] = useState<ReadonlySet<string>>(new Set());
  const [hasMore, setHasMore] = useState(initialRequests.length >= PAGE_SIZE);
  const [loadingMore, setLoadingMore] = useState(false);
  const [grouped, setGrouped] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const known = useRef(new Set(initialRequests.map((request) => request.id)));
  const newestId = useRef<string | undefined>(initialRequests[0]?.id);

  const remember = useCallback((summary: RequestSummary) => {
    if (known.current.has(summary.id)) return false;
    known.current.add(summary.id);
    setRequests((current) => addRequest(current, summary));
    return true;
  }, []);

  const onRequest = useCallback(
    (summary: RequestSummary) => {
      if (!remember(summary)) return;
      if (!newestId.current || Number(summary.id) > Number(newestId.current)) newestId.current = summary.id;
      setSelectedId((current) => current ?? summary.id);
      setFreshIds((current) => new Set(current).add(summary.id));
    },
    [remember],
  );

  const streamState = useBinEvents(
    bin.id,
    access === "request" ? null : streamQuery,
    () => newestId.current,
    onRequest,
  );

  const applyFilter = useCallback(
    async (next: RequestFilter) => {
      setFilter(next);
      const query = listQuery(next);
      window.history.replaceState(window.history.state, "", query ? `?${query}` : window.location.pathname);
      setLoading(true);
      try {
        const response = await fetch(`/api/bins/${bin.id}/requests?limit=${PAGE_SIZE}&${query}`);
        if (!response.ok) return;
        const page = (await response.json()) as { requests: RequestSummary[]; nextCursor: string | null };
        known.current = new Set(page.requests.map((request) => request.id));
        newestId.current = page.requests[0]?.id;
        setRequests(page.requests);
        setHasMore(page.nextCursor !== null);
        setSelectedId((current) =>
          current && known.current.has(current) ? current : (page.requests[0]?.id ?? null),
        );
        setStreamQuery(query);
      } finally {
        setLoading(false);
      }
    },
    [bin.id],
  );

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
      const response = await fetch(
        `/api/bins/${bin.id}/requests?limit=${PAGE_SIZE}&before=${oldest.id}&${listQuery(filter)}`,
      );
      if (!response.ok) return;
      const page = (await response.json()) as { requests: RequestSummary[]; nextCursor: string | null };
      for (const request of page.requests) remember(request);
      setHasMore(page.nextCursor !== null);
    } finally {
      setLoadingMore(false);
    }
  }, [bin.id, requests, remember, filter]);

  /** Selects a request, fetching it first when it is older than the loaded pages (a retry's original). */
  const showRequest = useCallback(
    async (id: string) => {
      if (!known.current.has(id)) {
        const response = await fetch(`/api/bins/${bin.id}/requests/${id}`);
        if (!response.ok) return;
        remember(toSummary((await response.json()) as Detail));
      }
      setSelectedId(id);
    },
    [bin.id, remember],
  );

  const forget = useCallback(
    (id: string) => {
      const index = requests.findIndex((request) => request.id === id);
      const next = requests.filter((request) => request.id !== id);
      known.current.delete(id);
      setRequests(next);
      setSelectedId(next[Math.min(index, next.length - 1)]?.id ?? null);
    },
    [requests],
  );

  const toggleGroup = useCallback((firstId: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(firstId)) next.add(firstId);
      return next;
    });
  }, []);

  const rows = useMemo(() => visibleRows(requests, { grouped, expanded }), [requests, grouped, expanded]);
  const schemeNames = useMemo(
    () => Object.fromEntries(schemes.map((scheme) => [scheme.id, scheme.name])),
    [schemes],
  );
  const visible = useMemo(() => rows.map((row) => row.summary), [rows]);
  // Choosing a request, by click or key, leaves any comparison.
  const select = useCallback((id: string | null) => {
    setCompareWith(null);
    setSelectedId(id);
  }, []);
  useListKeys(visible, selectedId, select, bin.captureUrl);

  const selected = requests.find((request) => request.id === selectedId);
  const compareCandidates = useMemo(
    () => requests.filter((request) => request.id !== selectedId).slice(0, 200),
    [requests, selectedId],
  );

  return (
    <div className="flex h-screen flex-col">
      <BinHeader
        bin={bin}
        token={token}
        access={access}
        streamState={streamState}
        count={requests.length}
        hasMore={hasMore}
        onOpenSettings={() => setSettingsOpen(true)}
        onCleared={() => {
          known.current.clear();
          setRequests([]);
          setSelectedId(null);
          setHasMore(false);
        }}
      />
      {settingsOpen && (
        <BinSettings bin={bin} schemes={schemes} onSaved={setBin} onClose={() => setSettingsOpen(false)} />
      )}
      {requests.length === 0 && isFilterEmpty(filter) ? (
        <main className="min-h-0 flex-1 overflow-auto">
          <div className="mx-auto max-w-3xl px-6 pt-4">
            <ListActions binId={bin.id} filterQuery="" canImport={owner} />
          </div>
          <EmptyState captureUrl={bin.captureUrl} />
        </main>
      ) : (
        <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)] grid-rows-[minmax(0,40%)_minmax(0,1fr)] md:grid-cols-[minmax(18rem,24rem)_minmax(0,1fr)] lg:grid-cols-[minmax(22rem,28rem)_minmax(0,1fr)] md:grid-rows-1">
          <aside className="flex min-h-0 flex-col border-b border-zinc-200 md:border-r md:border-b-0 dark:border-zinc-800">
            {access !== "request" && (
              <FilterBar
                filter={filter}
                onFilterChange={applyFilter}
                grouped={grouped}
                onGroupedChange={setGrouped}
              >
                <ListActions binId={bin.id} filterQuery={streamQuery} canImport={owner} />
              </FilterBar>
            )}
            {checkedIds.length > 0 && (
              <SelectionBar
                binId={bin.id}
                ids={checkedIds}
                onClear={() => setChecked(new Set())}
                onCompare={() => {
                  const [first, second] = checkedIds;
                  if (!first || !second) return;
                  setSelectedId(second);
                  setCompareWith(first);
                }}
              />
            )}
            <div className="min-h-0 flex-1" aria-busy={loading}>
              {slow && (filter.search?.length ?? 0) > 0 && (
                <p
                  role="status"
                  className="border-b border-zinc-200 bg-amber-50 px-4 py-1.5 text-xs text-amber-900 dark:border-zinc-800 dark:bg-amber-950/40 dark:text-amber-200"
                >
                  Searching… A bin&apos;s first search also indexes the requests it holds, which takes a few
                  seconds for a large bin.
                </p>
              )}
              {requests.length === 0 && (
                <p className="p-6 text-sm text-zinc-500" data-testid="no-matches">
                  {loading
                    ? "Searching…"
                    : "No request matches these filters yet. New ones will appear here."}
                </p>
              )}
              <RequestList
                rows={rows}
                expanded={expanded}
                onToggleGroup={grouped ? toggleGroup : undefined}
                selectedId={selectedId}
                freshIds={freshIds}
                onSelect={select}
                hasMore={hasMore}
                loadingMore={loadingMore}
                onLoadMore={loadMore}
                checked={checked}
                onToggleCheck={owner ? toggleCheck : undefined}
              />
            </div>
          </aside>
          <div className="min-h-0">
            {selected && compareWith ? (
              <CompareView
                binId={bin.id}
                ids={[selected.id, compareWith]}
                onClose={() => setCompareWith(null)}
              />
            ) : selected ? (
              <RequestDetail
                key={selected.id}
                binId={bin.id}
                summary={selected}
                captureUrl={bin.captureUrl}
                onShowRequest={showRequest}
                onDeleted={forget}
                schemeNames={schemeNames}
                binName={bin.name}
                others={compareCandidates}
                readOnly={!owner}
                onCompare={setCompareWith}
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
