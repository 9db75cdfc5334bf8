const COLORS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  POST: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  PUT: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  PATCH: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
  DELETE: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
};

export function MethodBadge({ method }: { method: string }) {
  const color = COLORS[method] ?? "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";
  return (
    <span
      className={`inline-flex w-16 shrink-0 justify-center rounded px-1.5 py-0.5 font-mono text-[11px] font-semibold ${color}`}
    >
      {method.slice(0, 7)}
    </span>
  );
}

export function StatusBadge({ status }: { status: number }) {
  if (status === 0) {
    return (
      <span
        className="font-mono text-xs font-medium text-rose-700 dark:text-rose-400"
        title="Held until the sender gave up (failure simulation)"
      >
        timeout
      </span>
    );
  }
  const color =
    status < 300
      ? "text-emerald-700 dark:text-emerald-400"
      : status < 500
        ? "text-amber-700 dark:text-amber-400"
        : "text-rose-700 dark:text-rose-400";
  return <span className={`font-mono text-xs font-medium ${color}`}>{status}</span>;
}
