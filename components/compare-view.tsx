"use client";

import { useEffect, useMemo, useState } from "react";
import { type BodyDiff, diffRequests, type HeaderDiff } from "@/core/diff/request-diff";
import type { RequestDetail } from "@/core/requests/types";
import { Checkbox } from "./checkbox";
import { formatBytes } from "./format";

const rowTone: Record<HeaderDiff["status"], string> = {
  same: "",
  changed: "bg-amber-50 dark:bg-amber-950/40",
  added: "bg-emerald-50 dark:bg-emerald-950/40",
  removed: "bg-rose-50 dark:bg-rose-950/40",
};

const show = (value: unknown) => (value === undefined ? "—" : JSON.stringify(value));

function useDetails(binId: string, ids: [string, string]) {
  const [details, setDetails] = useState<[RequestDetail, RequestDetail] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [a, b] = ids;
  useEffect(() => {
    const controller = new AbortController();
    setDetails(null);
    const load = async (id: string) => {
      const response = await fetch(`/api/bins/${encodeURIComponent(binId)}/requests/${id}`, {
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(`The server answered ${response.status} for request ${id}.`);
      return (await response.json()) as RequestDetail;
    };
    Promise.all([load(a), load(b)])
      .then(setDetails)
      .catch((reason: unknown) => !controller.signal.aborted && setError(String(reason)));
    return () => controller.abort();
  }, [binId, a, b]);
  return { details, error };
}

function BodyDiffView({ body }: { body: BodyDiff }) {
  if (body.kind === "same")
    return <p className="text-sm text-zinc-500">The bodies are identical, byte for byte.</p>;
  if (body.kind === "binary") {
    return (
      <p className="text-sm text-zinc-500">
        Binary bodies differ ({formatBytes(body.aSize)} and {formatBytes(body.bSize)}); compare them in the
        Body tab.
      </p>
    );
  }
  if (body.kind === "json") {
    if (body.changes.length === 0) {
      return <p className="text-sm text-zinc-500">Same JSON, formatted differently.</p>;
    }
    return (
      <table className="w-full font-mono text-[13px]" data-testid="json-diff">
        <tbody>
          {body.changes.map((change) => (
            <tr key={`${change.kind}:${change.path}`} className={rowTone[change.kind]}>
              <td className="py-1 pr-3 align-top text-zinc-500">{change.kind}</td>
              <td className="py-1 pr-3 align-top">{change.path || "(root)"}</td>
              <td className="break-all py-1 pr-3 align-top text-rose-700 dark:text-rose-300">
                {show(change.a)}
              </td>
              <td className="break-all py-1 align-top text-emerald-700 dark:text-emerald-300">
                {show(change.b)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <pre className="whitespace-pre-wrap break-all font-mono text-[13px] leading-6" data-testid="text-diff">
      {body.parts.map((part, index) => (
        <span
          // Parts have no identity of their own; their order is the diff.
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff's parts are positional
          key={index}
          className={
            part.added
              ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
              : part.removed
                ? "bg-rose-100 text-rose-900 line-through dark:bg-rose-950 dark:text-rose-200"
                : "text-zinc-500"
          }
        >
          {part.value}
        </span>
      ))}
    </pre>
  );
}

/** Two requests side by side: what changed in the method, path, headers and body. */
export function CompareView({
  binId,
  ids,
  onClose,
}: {
  binId: string;
  ids: [string, string];
  onClose: () => void;
}) {
  const { details, error } = useDetails(binId, ids);
  const [onlyChanges, setOnlyChanges] = useState(true);
  const diff = useMemo(() => (details ? diffRequests(details[0], details[1]) : null), [details]);
  const headers = diff?.headers.filter((row) => !onlyChanges || row.status !== "same") ?? [];

  return (
    <section data-testid="compare-view" className="flex h-full min-h-0 flex-col">
      <header className="flex items-center gap-3 border-b border-zinc-200 px-6 py-4 dark:border-zinc-800">
        <h2 className="flex-1 text-sm font-medium">
          Comparing request <span className="font-mono">#{ids[0]}</span> with{" "}
          <span className="font-mono">#{ids[1]}</span>
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
        >
          Close comparison
        </button>
      </header>
      <div className="min-h-0 flex-1 space-y-6 overflow-auto px-6 py-4">
        {error && <p className="text-sm text-rose-600">{error}</p>}
        {!diff && !error && <p className="text-sm text-zinc-500">Loading…</p>}
        {diff && (
          <>
            <div className="space-y-1 text-sm">
              {(["method", "path", "query"] as const).map((field) =>
                diff.meta[field].changed ? (
                  <p key={field} data-testid={`meta-${field}`}>
                    <span className="text-zinc-500">{field}: </span>
                    <span className="font-mono text-rose-700 dark:text-rose-300">
                      {diff.meta[field].a || "(none)"}
                    </span>
                    {" → "}
                    <span className="font-mono text-emerald-700 dark:text-emerald-300">
                      {diff.meta[field].b || "(none)"}
                    </span>
                  </p>
                ) : null,
              )}
            </div>
            <div>
              <div className="mb-2 flex items-center gap-3">
                <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Headers</h3>
                <Checkbox
                  checked={onlyChanges}
                  onChange={setOnlyChanges}
                  className="flex items-center gap-1.5 text-xs text-zinc-500"
                >
                  Only differences
                </Checkbox>
              </div>
              {headers.length === 0 ? (
                <p className="text-sm text-zinc-500">No header differs.</p>
              ) : (
                <table className="w-full font-mono text-[13px]" data-testid="header-diff">
                  <thead>
                    <tr className="text-left text-xs text-zinc-500">
                      <th className="pb-1 font-normal">name</th>
                      <th className="pb-1 font-normal">#{ids[0]}</th>
                      <th className="pb-1 font-normal">#{ids[1]}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {headers.map((row) => (
                      <tr
                        key={row.name.toLowerCase()}
                        className={rowTone[row.status]}
                        data-status={row.status}
                      >
                        <td className="py-1 pr-3 align-top font-medium">{row.name}</td>
                        <td className="break-all py-1 pr-3 align-top">{row.a?.join("\n") ?? "—"}</td>
                        <td className="break-all py-1 align-top">{row.b?.join("\n") ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
            <div>
              <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">Body</h3>
              <BodyDiffView body={diff.body} />
            </div>
          </>
        )}
      </div>
    </section>
  );
}
