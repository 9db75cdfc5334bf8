import type { SignatureSummary } from "@/core/requests/types";

const LOOK: Record<string, { label: string; className: string }> = {
  valid: {
    label: "✓ valid",
    className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  },
  invalid: { label: "✗ invalid", className: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300" },
  expired: {
    label: "⏱ expired",
    className: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  },
  missing: {
    label: "no signature",
    className: "bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300",
  },
  unchecked: {
    label: "unchecked",
    className: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400",
  },
};

/** The signature verdict; quiet for requests that carry no signature and meet no secret. */
export function VerdictBadge({
  signature,
  always = false,
}: {
  signature: SignatureSummary | null;
  always?: boolean;
}) {
  if (!signature) return null;
  if (!always && signature.verdict === "unchecked" && !signature.scheme) return null;
  const look = LOOK[signature.verdict] ?? LOOK.unchecked;
  return (
    <span
      data-testid="verdict-badge"
      data-verdict={signature.verdict}
      title={signature.reason}
      className={`shrink-0 rounded px-1.5 py-0.5 text-[11px] font-medium ${look?.className}`}
    >
      {look?.label}
    </span>
  );
}
