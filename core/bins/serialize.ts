import type { Secret } from "../signatures/types";
import { secretHints } from "./secrets";
import { type BinSettings, readBinSettings } from "./settings";

export interface BinRow {
  id: string;
  name: string | null;
  settings: unknown;
  failuresRemaining: number;
  refusedCount: number;
  createdAt: Date;
}

export interface BinSigningJson {
  scheme: string;
  customScheme: BinSettings["signing"]["custom"] | null;
  /** A masked hint (`whse…3f9c`), never the secret. */
  secretHint: string | null;
  previousSecretHint: string | null;
  /** False when the stored secrets cannot be decrypted with this server's key. */
  secretsReadable: boolean;
}

export interface BinJson {
  id: string;
  name: string | null;
  captureUrl: string;
  dashboardUrl: string;
  settings: Omit<BinSettings, "signing">;
  /** Simulated failures still to come in the "next N" mode. */
  failuresRemaining: number;
  /** Requests refused by the rate limit so far. */
  refusedCount: number;
  signing: BinSigningJson;
  createdAt: string;
}

export function captureUrl(origin: string, binId: string): string {
  return `${origin}/h/${binId}`;
}

/** `origin` is the dashboard's; `captureOrigin` where senders are sent (CAPTURE_URL), the same by default. */
export function toBinJson(
  bin: BinRow,
  origin: string,
  secrets: readonly Secret[] | null,
  captureOrigin: string = origin,
): BinJson {
  const settings = readBinSettings(bin.settings);
  return {
    id: bin.id,
    name: bin.name,
    captureUrl: captureUrl(captureOrigin, bin.id),
    dashboardUrl: `${origin}/bins/${bin.id}`,
    settings: {
      duplicates: settings.duplicates,
      response: settings.response,
      failure: settings.failure,
      cors: settings.cors,
      maxRequests: settings.maxRequests,
      rateLimitPerMinute: settings.rateLimitPerMinute,
      forwarding: settings.forwarding,
    },
    failuresRemaining: bin.failuresRemaining,
    refusedCount: bin.refusedCount,
    signing: {
      scheme: settings.signing.scheme,
      customScheme: settings.signing.custom ?? null,
      ...secretHints(secrets),
    },
    createdAt: bin.createdAt.toISOString(),
  };
}
