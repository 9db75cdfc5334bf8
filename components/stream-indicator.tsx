import type { StreamState } from "./use-bin-events";

const LOOK: Record<StreamState, { dot: string; label: string }> = {
  connecting: { dot: "bg-zinc-400", label: "Connecting" },
  live: { dot: "bg-emerald-500 animate-pulse", label: "Live" },
  reconnecting: { dot: "bg-amber-500", label: "Reconnecting" },
  offline: { dot: "bg-rose-500", label: "Offline" },
};

export function StreamIndicator({ state }: { state: StreamState }) {
  const { dot, label } = LOOK[state];
  return (
    <span
      data-testid="stream-state"
      data-state={state}
      className="inline-flex items-center gap-1.5 text-xs font-medium text-zinc-600 dark:text-zinc-400"
    >
      <span className={`h-2 w-2 rounded-full ${dot}`} />
      {label}
    </span>
  );
}
