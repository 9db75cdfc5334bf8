"use client";

import { useState } from "react";
import type { BinJson } from "@/core/bins/serialize";
import { Checkbox } from "./checkbox";

const input =
  "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900";

type FailureMode = "off" | "always" | "next" | "percent" | "timeout";

function Field({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is passed in as children
    <label className="block space-y-1.5">
      <span className="text-sm font-medium">{title}</span>
      {children}
    </label>
  );
}

/** What the bin answers senders: a custom response, simulated failures, CORS and limits. */
export function BehaviourSettings({
  bin,
  save,
  busy,
}: {
  bin: BinJson;
  save: (patch: object) => void;
  busy: boolean;
}) {
  const settings = bin.settings;
  const [status, setStatus] = useState(String(settings.response?.status ?? 200));
  const [contentType, setContentType] = useState(settings.response?.contentType ?? "");
  const [body, setBody] = useState(settings.response?.body ?? "");
  const [delayMs, setDelayMs] = useState(String(settings.response?.delayMs ?? 0));
  const [mode, setMode] = useState<FailureMode>(settings.failure?.mode ?? "off");
  const [failureStatus, setFailureStatus] = useState(String(settings.failure?.status ?? 500));
  const [count, setCount] = useState(String(settings.failure?.count ?? 3));
  const [percent, setPercent] = useState(String(settings.failure?.percent ?? 50));
  const [cors, setCors] = useState(settings.cors);
  const [maxRequests, setMaxRequests] = useState(settings.maxRequests ? String(settings.maxRequests) : "");
  const [rateLimit, setRateLimit] = useState(
    settings.rateLimitPerMinute ? String(settings.rateLimitPerMinute) : "",
  );
  const rule = settings.forwarding[0];
  const [forwardUrl, setForwardUrl] = useState(rule?.url ?? "");
  const [forwardPath, setForwardPath] = useState(rule?.appendPath ?? true);
  const [forwardResign, setForwardResign] = useState(rule?.resign ?? false);

  const custom = body !== "" || status !== "200" || contentType !== "" || delayMs !== "0";
  const patch = () => ({
    response: custom
      ? {
          status: Number(status),
          body,
          delayMs: Number(delayMs),
          ...(contentType ? { contentType } : {}),
        }
      : null,
    failure:
      mode === "off"
        ? null
        : {
            mode,
            status: Number(failureStatus),
            ...(mode === "next" ? { count: Number(count) } : {}),
            ...(mode === "percent" ? { percent: Number(percent) } : {}),
          },
    cors,
    maxRequests: maxRequests ? Number(maxRequests) : null,
    rateLimitPerMinute: rateLimit ? Number(rateLimit) : null,
    forwarding: forwardUrl ? [{ url: forwardUrl, appendPath: forwardPath, resign: forwardResign }] : [],
  });

  return (
    <section className="mt-8 space-y-4" data-testid="behaviour-settings">
      <h3 className="text-sm font-semibold tracking-wide text-zinc-500 uppercase">Response</h3>
      <div className="grid grid-cols-3 gap-3">
        <Field title="Status">
          <input
            className={input}
            inputMode="numeric"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            data-testid="response-status"
          />
        </Field>
        <Field title="Delay (ms)">
          <input
            className={input}
            inputMode="numeric"
            value={delayMs}
            onChange={(e) => setDelayMs(e.target.value)}
          />
        </Field>
        <Field title="Content type">
          <input
            className={input}
            value={contentType}
            onChange={(e) => setContentType(e.target.value)}
            placeholder="text/plain"
          />
        </Field>
      </div>
      <Field title="Body">
        <textarea
          className={`${input} font-mono`}
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          placeholder='Empty: the default {"ok":true,"id":…}'
        />
      </Field>

      <h3 className="pt-2 text-sm font-semibold tracking-wide text-zinc-500 uppercase">Failure simulation</h3>
      <div className="grid grid-cols-3 gap-3">
        <Field title="Fail">
          <select
            className={input}
            value={mode}
            onChange={(e) => setMode(e.target.value as FailureMode)}
            data-testid="failure-mode"
          >
            <option value="off">never</option>
            <option value="always">every request</option>
            <option value="next">the next N</option>
            <option value="percent">a share</option>
            <option value="timeout">by timing out</option>
          </select>
        </Field>
        {mode !== "off" && mode !== "timeout" && (
          <Field title="With status">
            <input
              className={input}
              inputMode="numeric"
              value={failureStatus}
              onChange={(e) => setFailureStatus(e.target.value)}
            />
          </Field>
        )}
        {mode === "next" && (
          <Field title="N">
            <input
              className={input}
              inputMode="numeric"
              value={count}
              onChange={(e) => setCount(e.target.value)}
              data-testid="failure-count"
            />
          </Field>
        )}
        {mode === "percent" && (
          <Field title="Percent">
            <input
              className={input}
              inputMode="decimal"
              value={percent}
              onChange={(e) => setPercent(e.target.value)}
            />
          </Field>
        )}
      </div>
      {bin.failuresRemaining > 0 && (
        <p className="text-xs text-amber-700 dark:text-amber-400">
          {bin.failuresRemaining} simulated failures to come.
        </p>
      )}

      <h3 className="pt-2 text-sm font-semibold tracking-wide text-zinc-500 uppercase">Forwarding</h3>
      <Field title="Forward every request to">
        <input
          className={`${input} font-mono`}
          value={forwardUrl}
          onChange={(e) => setForwardUrl(e.target.value)}
          placeholder="https://staging.example.com/webhooks (empty: off)"
          data-testid="forward-url"
        />
      </Field>
      <div className="flex flex-wrap gap-4 text-sm">
        <Checkbox checked={forwardPath} onChange={setForwardPath}>
          Append the captured path and query
        </Checkbox>
        <Checkbox checked={forwardResign} onChange={setForwardResign}>
          Re-sign
        </Checkbox>
      </div>
      <p className="text-xs text-zinc-500">
        Sent after the sender has its answer; a failed try is retried after 5 s, 30 s and 5 min. Every try
        shows in the request's Replay tab.
      </p>

      <h3 className="pt-2 text-sm font-semibold tracking-wide text-zinc-500 uppercase">Limits</h3>
      <div className="grid grid-cols-2 gap-3">
        <Field title="Keep at most (requests)">
          <input
            className={input}
            inputMode="numeric"
            value={maxRequests}
            onChange={(e) => setMaxRequests(e.target.value)}
            placeholder="instance default"
          />
        </Field>
        <Field title="Rate limit (per minute)">
          <input
            className={input}
            inputMode="numeric"
            value={rateLimit}
            onChange={(e) => setRateLimit(e.target.value)}
            placeholder="instance default"
          />
        </Field>
      </div>
      <Checkbox checked={cors} onChange={setCors} className="flex items-center gap-2 text-sm">
        Answer CORS preflights, so browser pages can send here
      </Checkbox>
      <button
        type="button"
        disabled={busy}
        onClick={() => save(patch())}
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
      >
        Save behaviour
      </button>
    </section>
  );
}
