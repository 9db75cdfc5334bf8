export function ListToolbar({
  grouped,
  onGroupedChange,
}: {
  grouped: boolean;
  onGroupedChange: (grouped: boolean) => void;
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
        Group retries under the first delivery
      </label>
    </div>
  );
}
