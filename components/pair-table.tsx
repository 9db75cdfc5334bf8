import { CopyButton } from "./copy-button";

/** Name/value pairs (headers, query parameters, form fields) in their original order, repeats included. */
export function PairTable({
  pairs,
  empty,
  testId,
}: {
  pairs: [string, string][];
  empty: string;
  testId: string;
}) {
  if (pairs.length === 0) return <p className="text-sm text-zinc-500">{empty}</p>;
  return (
    <table className="w-full table-fixed text-left text-[13px]" data-testid={testId}>
      <tbody>
        {pairs.map(([name, value], index) => (
          <tr
            // biome-ignore lint/suspicious/noArrayIndexKey: pairs repeat and never reorder, so position is their identity
            key={index}
            className="group border-b border-zinc-100 align-top dark:border-zinc-800/70"
          >
            <td className="w-56 py-1.5 pr-4 font-mono font-medium text-zinc-600 dark:text-zinc-400">
              {name}
            </td>
            <td className="break-all py-1.5 font-mono">{value}</td>
            <td className="w-16 py-1 text-right opacity-0 transition group-hover:opacity-100 group-focus-within:opacity-100">
              <CopyButton text={value} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
