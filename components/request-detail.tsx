"use client";

import { useEffect, useState } from "react";
import { describeKeySource, keyValue } from "@/core/duplicates/duplicate-key";
import { rawHttpMessage } from "@/core/requests/raw-message";
import { ordinal } from "@/core/requests/request-list";
import type { RequestDetail as Detail, RequestSummary } from "@/core/requests/types";
import { BodyViewer } from "./body-viewer";
import { CopyButton } from "./copy-button";
import { DetailRow } from "./detail-row";
import { ExportMenu } from "./export-menu";
import { displayPath, formatBytes, preciseTime } from "./format";
import { MethodBadge, StatusBadge } from "./method-badge";
import { PairTable } from "./pair-table";
import { ReplayPanel } from "./replay-panel";
import { SignaturePanel } from "./signature-panel";
import { VerdictBadge } from "./verdict-badge";

type Tab = "overview" | "headers" | "query" | "body" | "signature" | "raw" | "replay";

function useRequestDetail(binId: string, requestId: string) {
  const [state, setState] = useState<{ id: string; detail?: Detail; error?: string }>({ id: requestId });
  useEffect(() => {
    const controller = new AbortController();
    setState({ id: requestId });
    fetch(`/api/bins/${encodeURIComponent(binId)}/requests/${requestId}`, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`The server answered ${response.status}.`);
        setState({ id: requestId, detail: (await response.json()) as Detail });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ id: requestId, error: String(error) });
      });
    return () => controller.abort();
  }, [binId, requestId]);
  return state.id === requestId ? state : { id: requestId };
}

/** Makes a read-only link to one request; its URL is what gets copied. */
async function shareRequest(binId: string, requestId: string): Promise<string> {
  const response = await fetch(`/api/bins/${encodeURIComponent(binId)}/shares`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ requestId, label: `request #${requestId}` }),
  });
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  return ((await response.json()) as { url: string }).url;
}

function queryPairs(query: string): [string, string][] {
  try {
    return [...new URLSearchParams(query)];
  } catch {
    return [];
  }
}

function DuplicateNotice({
  summary,
  onShowRequest,
}: {
  summary: RequestSummary;
  onShowRequest: (id: string) => void;
}) {
  const duplicate = summary.duplicate;
  if (!duplicate || (!duplicate.isDuplicate && duplicate.deliveries < 2)) return null;
  const identity = `${describeKeySource(duplicate.keySource)} ${duplicate.keySource === "fingerprint" ? "" : keyValue(duplicate.key)}`;
  return (
    <p
      data-testid="duplicate-notice"
      className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
    >
      {duplicate.isDuplicate ? (
        <>
          {ordinal(duplicate.occurrence)} delivery of the same event ({identity.trim()}).{" "}
          <button
            type="button"
            className="font-medium underline underline-offset-2"
            onClick={() => onShowRequest(duplicate.firstId)}
          >
            Show the first delivery
          </button>
        </>
      ) : (
        <>
          First of {duplicate.deliveries} deliveries of this event ({identity.trim()}).
        </>
      )}
    </p>
  );
}

export function RequestDetail({
  binId,
  summary,
  captureUrl,
  onShowRequest,
  onDeleted,
  schemeNames,
  binName,
  others,
  onCompare,
  readOnly,
}: {
  binId: string;
  summary: RequestSummary;
  captureUrl: string;
  onShowRequest: (id: string) => void;
  onDeleted: (id: string) => void;
  schemeNames: Record<string, string>;
  binName: string | null;
  /** Loaded requests this one can be compared with. */
  others: RequestSummary[];
  onCompare: (otherId: string) => void;
  /** A share link's view: no deleting, no replaying. */
  readOnly: boolean;
}) {
  const [tab, setTab] = useState<Tab>("body");
  const { detail, error } = useRequestDetail(binId, summary.id);
  const fullUrl = `${captureUrl}${summary.path}${summary.query ? `?${summary.query}` : ""}`;
  const query = queryPairs(summary.query);
  const tabs: { id: Tab; label: string; count?: number }[] = [
    { id: "overview", label: "Overview" },
    { id: "headers", label: "Headers", count: detail?.headers.length },
    { id: "query", label: "Query", count: query.length },
    { id: "body", label: "Body" },
    { id: "signature", label: "Signature" },
    { id: "raw", label: "Raw" },
    ...(readOnly ? [] : [{ id: "replay" as const, label: "Replay" }]),
  ];

  return (
    <section data-testid="request-detail" className="flex h-full min-h-0 flex-col">
      <header className="border-b border-zinc-200 px-6 pt-5 dark:border-zinc-800">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <MethodBadge method={summary.method} />
          <VerdictBadge signature={summary.signature} />
          <h2 className="min-w-0 flex-1 truncate font-mono text-sm font-medium" data-testid="detail-path">
            {displayPath(summary.path, summary.query)}
          </h2>
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500">
            <span title="What Hookscope answered">
              answered <StatusBadge status={summary.responseStatus} />
            </span>
            <span>{formatBytes(summary.bodySize)}</span>
            <span>{preciseTime(summary.receivedAt)}</span>
            {!readOnly && (
              <button
                type="button"
                data-testid="delete-request"
                className="font-medium text-rose-600 hover:underline dark:text-rose-400"
                onClick={async () => {
                  const response = await fetch(
                    `/api/bins/${encodeURIComponent(binId)}/requests/${summary.id}`,
                    {
                      method: "DELETE",
                    },
                  );
                  if (response.ok) onDeleted(summary.id);
                }}
              >
                Delete
              </button>
            )}
          </span>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {detail && (
            <ExportMenu
              detail={detail}
              origin={new URL(captureUrl).origin}
              binName={binName}
              onShare={readOnly ? undefined : () => shareRequest(binId, detail.id)}
            />
          )}
          {others.length > 0 && (
            <select
              aria-label="Compare with another request"
              data-testid="compare-select"
              value=""
              onChange={(event) => event.target.value && onCompare(event.target.value)}
              className="rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
            >
              <option value="">Compare with…</option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  #{other.id} {other.method} {displayPath(other.path, other.query)} ·{" "}
                  {preciseTime(other.receivedAt)}
                </option>
              ))}
            </select>
          )}
        </div>
        <DuplicateNotice summary={summary} onShowRequest={onShowRequest} />
        <div className="mt-4 flex gap-1 overflow-x-auto" role="tablist">
          {tabs.map(({ id, label, count }) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              onClick={() => setTab(id)}
              className={`-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 pb-2 text-sm font-medium transition ${
                tab === id
                  ? "border-indigo-500 text-zinc-900 dark:text-zinc-100"
                  : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"
              }`}
            >
              {label}
              {count !== undefined && count > 0 && (
                <span className="ml-1.5 text-xs text-zinc-400">{count}</span>
              )}
            </button>
          ))}
        </div>
      </header>
      <div className="min-h-0 flex-1 overflow-auto px-6 py-4">
        {error && <p className="text-sm text-rose-600">Could not load this request. {error}</p>}
        {!detail && !error && <p className="text-sm text-zinc-500">Loading…</p>}
        {detail && tab === "overview" && (
          <dl>
            <DetailRow label="Method">{detail.method}</DetailRow>
            <DetailRow label="URL">
              <span className="font-mono text-[13px]">{fullUrl}</span>
            </DetailRow>
            <DetailRow label="Received">{preciseTime(detail.receivedAt)}</DetailRow>
            <DetailRow label="From">{detail.remoteAddr ?? "unknown"}</DetailRow>
            <DetailRow label="Content type">{detail.contentType ?? "none"}</DetailRow>
            <DetailRow label="Body size">
              {detail.bodySize.toLocaleString()} bytes
              {detail.bodyTooLarge ? " (over the limit, not stored)" : ""}
            </DetailRow>
            <DetailRow label="Answered">
              <StatusBadge status={detail.responseStatus} />
            </DetailRow>
            {detail.duplicate && (
              <DetailRow label="Event identity">
                <span className="font-mono text-[13px]">{keyValue(detail.duplicate.key)}</span>
                <span className="text-zinc-500"> · {describeKeySource(detail.duplicate.keySource)}</span>
                <span className="text-zinc-500">
                  {" "}
                  · delivery {detail.duplicate.occurrence} of{" "}
                  {summary.duplicate?.deliveries ?? detail.duplicate.deliveries}
                </span>
              </DetailRow>
            )}
            <DetailRow label="Request id">
              <span className="font-mono">{detail.id}</span>
            </DetailRow>
          </dl>
        )}
        {detail && tab === "headers" && (
          <PairTable pairs={detail.headers} empty="No headers." testId="headers-table" />
        )}
        {detail && tab === "query" && (
          <div className="space-y-3">
            <PairTable pairs={query} empty="No query string." testId="query-table" />
            {summary.query && <p className="break-all font-mono text-xs text-zinc-500">?{summary.query}</p>}
          </div>
        )}
        {detail && tab === "body" && <BodyViewer {...detail} />}
        {detail && tab === "replay" && <ReplayPanel binId={binId} detail={detail} />}
        {detail && tab === "signature" && (
          <SignaturePanel
            signature={detail.signature}
            schemeName={
              detail.signature?.scheme
                ? (schemeNames[detail.signature.scheme] ?? detail.signature.scheme)
                : null
            }
          />
        )}
        {detail && tab === "raw" && (
          <div>
            <div className="mb-3 flex justify-end">
              <CopyButton text={rawHttpMessage(detail)} label="Copy message" />
            </div>
            <pre
              data-testid="raw-message"
              className="whitespace-pre-wrap break-all font-mono text-[13px] leading-6 text-zinc-800 dark:text-zinc-200"
            >
              {rawHttpMessage(detail)}
            </pre>
          </div>
        )}
      </div>
    </section>
  );
}
