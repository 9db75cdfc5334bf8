const VERDICTS = ["valid", "invalid", "expired", "missing", "unchecked"];

export function ListToolbar({
  grouped,
  onGroupedChange,
  verdict,
  onVerdictChange,
}: {
  grouped: boolean;
  onGroupedChange: (grouped: boolean) => void;
  verdict: string;
  onVerdictChange: (verdict: string) => void;
}) {
  return (
    <div className="flex items-center gap-3 border-b border-zinc-200 px-4 py-2 text-xs dark:border-zinc-800">
      <label className="flex cursor-pointer items-center gap-2 text-zinc-600 dark:text-zinc-400">
        <input
          type="checkbox"
          checked={grouped}
          onChange={(event) => onGroupedChange(event.target.checked)}
          className="accent-indigo-600"
          data-testid="group-retries"
        />
        Group retries
      </label>
      <select
        aria-label="Filter by signature"
        data-testid="verdict-filter"
        value={verdict}
        onChange={(event) => onVerdictChange(event.target.value)}
        className="ml-auto rounded border border-zinc-300 bg-white px-1.5 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-900"
      >
        <option value="">All signatures</option>
        {VERDICTS.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
    </div>
  );
}
