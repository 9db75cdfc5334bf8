import { CopyButton } from "./copy-button";

const PROVIDERS = [
  { name: "Stripe", where: "Developers → Webhooks → Add endpoint" },
  { name: "GitHub", where: "Repository → Settings → Webhooks → Add webhook (content type application/json)" },
  { name: "Slack", where: "App settings → Event Subscriptions → Request URL" },
  { name: "Shopify", where: "Settings → Notifications → Webhooks → Create webhook" },
];

export function curlExample(captureUrl: string): string {
  return `curl -X POST '${captureUrl}/hello?source=curl' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"event":"test","ok":true}'`;
}

/** What a new bin shows: where to send requests, ready to copy. */
export function EmptyState({ captureUrl }: { captureUrl: string }) {
  const example = curlExample(captureUrl);
  return (
    <div data-testid="empty-state" className="mx-auto flex max-w-2xl flex-col gap-8 px-6 py-14">
      <div>
        <p className="flex items-center gap-2 text-sm font-medium text-zinc-500">
          <span className="h-2 w-2 animate-pulse rounded-full bg-emerald-500" />
          Waiting for the first request
        </p>
        <h2 className="mt-2 text-2xl font-semibold tracking-tight">Send anything to your capture URL</h2>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Any method, any sub-path, any body. Each request appears here the moment it lands.
        </p>
      </div>
      <div className="flex items-center gap-2 rounded-lg border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <code className="min-w-0 flex-1 break-all font-mono text-sm">{captureUrl}</code>
        <CopyButton text={captureUrl} label="Copy URL" />
      </div>
      <div>
        <div className="mb-2 flex items-center justify-between">
          <h3 className="text-sm font-semibold">Try it from a terminal</h3>
          <CopyButton text={example} />
        </div>
        <pre className="whitespace-pre-wrap break-all rounded-lg bg-zinc-900 p-4 font-mono text-[13px] leading-6 text-zinc-100 dark:bg-black">
          {example}
        </pre>
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold">Or paste it into a provider</h3>
        <ul className="grid gap-2 sm:grid-cols-2">
          {PROVIDERS.map(({ name, where }) => (
            <li key={name} className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
              <span className="font-medium">{name}</span>
              <p className="mt-0.5 text-xs text-zinc-500">{where}</p>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
