import type { SignatureVerdict } from "@/core/signatures/types";
import { VerdictBadge } from "./verdict-badge";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-4 border-b border-zinc-100 py-2 text-sm last:border-0 dark:border-zinc-800/70">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </div>
  );
}

/** The verdict, why, and exactly what was compared. */
export function SignaturePanel({
  signature,
  schemeName,
}: {
  signature: SignatureVerdict | null;
  schemeName: string | null;
}) {
  if (!signature)
    return <p className="text-sm text-zinc-500">This request was stored before signatures were checked.</p>;
  const details = signature.details;
  return (
    <div data-testid="signature-panel" className="space-y-4">
      <div className="flex items-center gap-3">
        <VerdictBadge signature={signature} always />
        <span className="text-sm font-medium">{schemeName ?? "No scheme"}</span>
      </div>
      <p className="text-sm leading-6 text-zinc-700 dark:text-zinc-300" data-testid="signature-reason">
        {signature.reason}
      </p>
      {details && (
        <dl>
          {details.source && <Field label="Read from">{details.source}</Field>}
          {details.timestamp !== undefined && (
            <Field label="Signed timestamp">
              {details.timestamp} ({new Date(details.timestamp * 1000).toISOString()})
            </Field>
          )}
          {details.matchedSecret && <Field label="Matched">the {details.matchedSecret} secret</Field>}
          {details.received && details.received.length > 0 && (
            <Field label="Received">
              {details.received.map((value) => (
                <code key={value} className="block font-mono text-[13px]">
                  {value}
                </code>
              ))}
            </Field>
          )}
          {details.expected && (
            <Field label="Expected">
              <code className="font-mono text-[13px]">{details.expected}</code>
            </Field>
          )}
          {details.signedContent && (
            <Field label="Signed content">
              <pre className="whitespace-pre-wrap break-all font-mono text-[12px] leading-5 text-zinc-700 dark:text-zinc-300">
                {details.signedContent}
              </pre>
            </Field>
          )}
        </dl>
      )}
    </div>
  );
}
