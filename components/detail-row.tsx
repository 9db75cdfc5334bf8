/** One labelled line of a detail view (inside a <dl>). */
export function DetailRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-4 border-b border-zinc-100 py-2 text-sm last:border-0 dark:border-zinc-800/70">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </div>
  );
}
