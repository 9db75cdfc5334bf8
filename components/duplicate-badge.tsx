import { ordinal } from "@/core/requests/request-list";
import type { DuplicateInfo } from "@/core/requests/types";

/** "2nd delivery" on a retry; "×3" on a first delivery that was retried. */
export function DuplicateBadge({ duplicate }: { duplicate: DuplicateInfo | null }) {
  if (!duplicate) return null;
  if (duplicate.isDuplicate) {
    return (
      <span
        data-testid="duplicate-badge"
        title={`Delivery ${duplicate.occurrence} of ${duplicate.key}`}
        className="shrink-0 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-800 dark:bg-amber-950 dark:text-amber-300"
      >
        {ordinal(duplicate.occurrence)} delivery
      </span>
    );
  }
  if (duplicate.deliveries < 2) return null;
  return (
    <span
      data-testid="delivery-count"
      className="shrink-0 rounded bg-zinc-200 px-1.5 py-0.5 text-[11px] font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
      title={`Delivered ${duplicate.deliveries} times`}
    >
      ×{duplicate.deliveries}
    </span>
  );
}

/** Unfolds (or folds) the retries grouped under a first delivery. */
export function GroupToggle({
  deliveries,
  expanded,
  onToggle,
  className = "",
}: {
  deliveries: number;
  expanded: boolean;
  onToggle: () => void;
  className?: string;
}) {
  return (
    <button
      type="button"
      data-testid="group-toggle"
      aria-expanded={expanded}
      onClick={onToggle}
      className={`rounded bg-zinc-200 px-1.5 py-0.5 text-[11px] font-medium text-zinc-700 hover:bg-zinc-300 dark:bg-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-700 ${className}`}
    >
      {expanded ? "▾" : "▸"} delivered {deliveries}×
    </button>
  );
}
