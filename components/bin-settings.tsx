"use client";

import { useState } from "react";
import type { BinJson } from "@/core/bins/serialize";
import { BehaviourSettings } from "./behaviour-settings";
import { Checkbox } from "./checkbox";

interface SchemeOption {
  id: string;
  name: string;
}

const input =
  "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900";

function Label({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is passed in as children
    <label className="block space-y-1.5">
      <span className="text-sm font-medium">{title}</span>
      {children}
      {hint && <span className="block text-xs text-zinc-500">{hint}</span>}
    </label>
  );
}

/** Signing and duplicate settings, saved with PATCH; secrets are write-only and shown as masked hints. */
export function BinSettings({
  bin,
  schemes,
  onSaved,
  onClose,
}: {
  bin: BinJson;
  schemes: SchemeOption[];
  onSaved: (bin: BinJson) => void;
  onClose: () => void;
}) {
  const [scheme, setScheme] = useState(bin.signing.scheme);
  const [secret, setSecret] = useState("");
  const [previousSecret, setPreviousSecret] = useState("");
  const [custom, setCustom] = useState({
    header: bin.signing.customScheme?.header ?? "X-Signature",
    algorithm: bin.signing.customScheme?.algorithm ?? "sha256",
    encoding: bin.signing.customScheme?.encoding ?? "hex",
    prefix: bin.signing.customScheme?.prefix ?? "sha256=",
  });
  const [fingerprint, setFingerprint] = useState(bin.settings.duplicates.fingerprint);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(path: string, init: RequestInit): Promise<unknown> {
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(path, { ...init, headers: { "content-type": "application/json" } });
      const payload = (await response.json()) as { error?: { message: string } };
      if (!response.ok) throw new Error(payload.error?.message ?? `The server answered ${response.status}.`);
      return payload;
    } finally {
      setBusy(false);
    }
  }

  async function save(patch: object) {
    try {
      const updated = (await send(`/api/bins/${bin.id}`, {
        method: "PATCH",
        body: JSON.stringify(patch),
      })) as BinJson;
      onSaved(updated);
      setSecret("");
      setPreviousSecret("");
      setMessage("Saved. New requests are checked with these settings.");
    } catch (error) {
      setMessage(String(error instanceof Error ? error.message : error));
    }
  }

  async function reverify() {
    try {
      const result = (await send(`/api/bins/${bin.id}/reverify`, { method: "POST" })) as {
        checked: number;
        verdicts: Record<string, number>;
      };
      const summary = Object.entries(result.verdicts)
        .map(([verdict, count]) => `${count} ${verdict}`)
        .join(", ");
      setMessage(
        `Checked ${result.checked} stored requests again${summary ? `: ${summary}` : ""}. Reload to see them.`,
      );
    } catch (error) {
      setMessage(String(error instanceof Error ? error.message : error));
    }
  }

  const signingPatch = () => ({
    scheme,
    ...(secret ? { secret } : {}),
    ...(previousSecret ? { previousSecret } : {}),
    ...(scheme === "custom" ? { customScheme: { ...custom, signs: "body" } } : {}),
  });

  return (
    <div
      className="fixed inset-0 z-20 flex justify-end bg-black/30"
      role="dialog"
      aria-modal="true"
      aria-label="Bin settings"
    >
      <div className="h-full w-full max-w-md overflow-auto bg-white p-6 shadow-xl dark:bg-zinc-950">
        <div className="mb-6 flex items-center justify-between">
          <h2 className="text-lg font-semibold">Settings</h2>
          <button
            type="button"
            onClick={onClose}
            className="text-sm text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
          >
            Close
          </button>
        </div>

        <section className="space-y-4">
          <h3 className="text-sm font-semibold text-zinc-500 uppercase tracking-wide">Signatures</h3>
          <Label title="Scheme" hint="Automatic detection reads the provider from the signature headers.">
            <select
              value={scheme}
              onChange={(event) => setScheme(event.target.value)}
              className={input}
              data-testid="scheme-select"
            >
              <option value="auto">Detect automatically</option>
              {schemes.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
              <option value="custom">Custom header</option>
            </select>
          </Label>
          {scheme === "custom" && (
            <div className="grid grid-cols-2 gap-3">
              <Label title="Header">
                <input
                  className={input}
                  value={custom.header}
                  onChange={(e) => setCustom({ ...custom, header: e.target.value })}
                />
              </Label>
              <Label title="Prefix">
                <input
                  className={input}
                  value={custom.prefix}
                  onChange={(e) => setCustom({ ...custom, prefix: e.target.value })}
                />
              </Label>
              <Label title="Algorithm">
                <select
                  className={input}
                  value={custom.algorithm}
                  onChange={(e) =>
                    setCustom({ ...custom, algorithm: e.target.value as typeof custom.algorithm })
                  }
                >
                  <option value="sha1">HMAC-SHA1</option>
                  <option value="sha256">HMAC-SHA256</option>
                  <option value="sha512">HMAC-SHA512</option>
                </select>
              </Label>
              <Label title="Encoding">
                <select
                  className={input}
                  value={custom.encoding}
                  onChange={(e) =>
                    setCustom({ ...custom, encoding: e.target.value as typeof custom.encoding })
                  }
                >
                  <option value="hex">hex</option>
                  <option value="base64">base64</option>
                </select>
              </Label>
            </div>
          )}
          <Label
            title="Secret"
            hint={
              bin.signing.secretHint
                ? `Set (${bin.signing.secretHint}). Leave empty to keep it.`
                : "Not set: signatures are not checked."
            }
          >
            <input
              type="password"
              autoComplete="off"
              className={input}
              value={secret}
              onChange={(event) => setSecret(event.target.value)}
              placeholder={bin.signing.secretHint ?? "whsec_…, a signing secret, or a public key"}
              data-testid="secret-input"
            />
          </Label>
          <Label
            title="Previous secret"
            hint={
              bin.signing.previousSecretHint
                ? `Set (${bin.signing.previousSecretHint}).`
                : "While a provider rotates its secret, requests signed with either one are valid."
            }
          >
            <input
              type="password"
              autoComplete="off"
              className={input}
              value={previousSecret}
              onChange={(event) => setPreviousSecret(event.target.value)}
            />
          </Label>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              disabled={busy}
              onClick={() => save(signingPatch())}
              className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
            >
              Save signing
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={reverify}
              className="rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-900"
            >
              Re-verify stored requests
            </button>
            {(bin.signing.secretHint || bin.signing.previousSecretHint) && (
              <button
                type="button"
                disabled={busy}
                onClick={() => save({ secret: null, previousSecret: null })}
                className="px-2 py-2 text-sm text-rose-600 hover:underline"
              >
                Remove secrets
              </button>
            )}
          </div>
        </section>

        <BehaviourSettings bin={bin} save={save} busy={busy} />

        <section className="mt-8 space-y-4">
          <h3 className="text-sm font-semibold text-zinc-500 uppercase tracking-wide">Duplicates</h3>
          <Checkbox
            checked={fingerprint}
            onChange={setFingerprint}
            className="flex items-center gap-2 text-sm"
          >
            Fingerprint requests that carry no delivery id (method, path and body)
          </Checkbox>
          <button
            type="button"
            disabled={busy}
            onClick={() => save({ duplicates: { fingerprint } })}
            className="rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-900"
          >
            Save duplicates
          </button>
        </section>

        {message && (
          <p
            role="status"
            data-testid="settings-message"
            className="mt-6 rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-900"
          >
            {message}
          </p>
        )}
      </div>
    </div>
  );
}
