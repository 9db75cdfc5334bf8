import type { SignatureVerdict } from "@/core/signatures/types";
import { DetailRow } from "./detail-row";
import { VerdictBadge } from "./verdict-badge";

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
          {details.source && <DetailRow label="Read from">{details.source}</DetailRow>}
          {details.timestamp !== undefined && (
            <DetailRow label="Signed timestamp">
              {details.timestamp} ({new Date(details.timestamp * 1000).toISOString()})
            </DetailRow>
          )}
          {details.matchedSecret && <DetailRow label="Matched">the {details.matchedSecret} secret</DetailRow>}
          {details.received && details.received.length > 0 && (
            <DetailRow label="Received">
              {details.received.map((value) => (
                <code key={value} className="block font-mono text-[13px]">
                  {value}
                </code>
              ))}
            </DetailRow>
          )}
          {details.expected && (
            <DetailRow label="Expected">
              <code className="font-mono text-[13px]">{details.expected}</code>
            </DetailRow>
          )}
          {details.signedContent && (
            <DetailRow label="Signed content">
              <pre className="whitespace-pre-wrap break-all font-mono text-[12px] leading-5 text-zinc-700 dark:text-zinc-300">
                {details.signedContent}
              </pre>
            </DetailRow>
          )}
        </dl>
      )}
    </div>
  );
}
