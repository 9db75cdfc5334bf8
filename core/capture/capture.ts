import { failureRolls, planResponse, type ResponsePlan } from "../bins/behaviour";
import type { BinSettings } from "../bins/settings";
import { duplicateKey } from "../duplicates/duplicate-key";
import { toRequestSummary } from "../requests/serialize";
import type { HeaderPair, RequestSummary, StoredRequestSummary } from "../requests/types";
import type { Secret, SignatureVerdict } from "../signatures/types";
import { signatureVerdictFor } from "../signatures/verdict-for";
import { corsHeaders, isPreflight } from "./cors";
import { headerValue } from "./header-pairs";

export interface IncomingCapture {
  binId: string;
  method: string;
  path: string;
  query: string;
  headers: HeaderPair[];
  /** Empty when the body was refused as too large. */
  body: Buffer;
  /** Set when the body exceeded the limit: the attempt is kept, its bytes are not. */
  tooLarge?: { declaredSize: number; limit: number };
  remoteAddr: string | null;
  /** Where senders reach this instance (`https://hooks.example.com`): Twilio and Square sign the URL. */
  origin: string;
}

export type CaptureRecord = Omit<
  StoredRequestSummary,
  "id" | "receivedAt" | "occurrence" | "duplicateOf" | "deliveries" | "previousId"
> & {
  signatureVerdict: string | null;
  headers: HeaderPair[];
  body: Buffer;
};

/** What capture needs to know of a bin. */
export interface CaptureBin {
  settings: BinSettings;
  /** The signing secrets, current first; null when they could not be unsealed (the key changed). */
  secrets: Secret[] | null;
}

export interface CaptureStore {
  findBin(binId: string): Promise<CaptureBin | null>;
  /** Commits the record and returns its stored summary, or null when the bin no longer exists. */
  save(record: CaptureRecord): Promise<StoredRequestSummary | null>;
  /** Takes one failure from a "fail the next N" countdown; false when none is left. */
  takeFailure(binId: string): Promise<boolean>;
  /** Applies the bin's rate limit (null: the instance default): null admits, a number is the wait in seconds. */
  admit(binId: string, perMinute: number | null): number | null;
}

export interface CaptureReply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Wait this long (after storing) before answering. */
  delayMs?: number;
  /** Do not answer: hold the connection this long, then close it (failure simulation). */
  holdMs?: number;
}

export interface CaptureOutcome {
  reply: CaptureReply;
  /** What was stored, for the live stream; absent when nothing was. */
  stored?: RequestSummary;
}

export const REQUEST_ID_HEADER = "x-hookscope-request-id";

function json(status: number, payload: unknown, extra: Record<string, string> = {}): CaptureReply {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...extra },
    body: `${JSON.stringify(payload)}\n`,
  };
}

/** A capture answer that is an error, in the shape every capture answer has. */
export function captureError(status: number, code: string, message: string): CaptureReply {
  return json(status, { ok: false, error: { code, message } });
}

/** For an unknown bin, and for a path that cannot name one: the same answer from both mounts. */
export function binNotFound(): CaptureReply {
  return captureError(
    404,
    "bin_not_found",
    "No bin exists at this capture URL. Create one in the dashboard.",
  );
}

/** What a captured sender can get back must never be able to script or be sniffed as something else. */
export const CAPTURE_ISOLATION_HEADERS = {
  "content-security-policy": "sandbox",
  "x-content-type-options": "nosniff",
} as const;

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/**
 * Stores one request sent to a capture URL and decides the answer. The reply is only produced after
 * the store has committed, so a sender that receives a 2xx can rely on the request being kept.
 */
export async function captureRequest(input: IncomingCapture, store: CaptureStore): Promise<CaptureOutcome> {
  const bin = await store.findBin(input.binId);
  if (!bin) return { reply: binNotFound() };
  const cors = bin.settings.cors ? corsHeaders(input.headers) : {};
  const wait = store.admit(input.binId, bin.settings.rateLimitPerMinute);
  if (wait !== null) {
    const refused = json(429, {
      ok: false,
      error: {
        code: "rate_limited",
        message: `This bin takes no more requests right now; retry in ${wait} s.`,
      },
    });
    return { reply: { ...refused, headers: { ...refused.headers, ...cors, "retry-after": String(wait) } } };
  }
  const plan = await decideResponse(input, bin, store);
  const responseStatus = input.tooLarge ? 413 : plan.status;
  const contentType = headerValue(input.headers, "content-type") ?? null;
  // A body refused as too large has no bytes to fingerprint; provider ids in headers still count.
  const identity = duplicateKey(
    { method: input.method, path: input.path, headers: input.headers, body: input.body, contentType },
    input.tooLarge ? { ...bin.settings.duplicates, fingerprint: false } : bin.settings.duplicates,
  );
  const signature = input.tooLarge
    ? ({
        verdict: "unchecked",
        scheme: null,
        reason: "The body was over the size limit and not kept, so its signature cannot be checked.",
      } satisfies SignatureVerdict)
    : signatureVerdictFor({ ...input, receivedAt: new Date() }, bin, input.origin);
  const row = await store.save({
    binId: input.binId,
    method: input.method,
    path: input.path,
    query: input.query,
    headers: input.headers,
    body: input.body,
    contentType,
    bodySize: input.tooLarge ? input.tooLarge.declaredSize : input.body.length,
    bodyTooLarge: Boolean(input.tooLarge),
    remoteAddr: input.remoteAddr,
    responseStatus,
    dedupKey: identity?.key ?? null,
    dedupSource: identity?.source ?? null,
    signatureVerdict: signature.verdict,
    signature,
  });
  if (!row) return { reply: binNotFound() };
  const stored = toRequestSummary(row);
  const idHeader = { ...cors, [REQUEST_ID_HEADER]: stored.id };
  if (input.tooLarge) {
    const { limit } = input.tooLarge;
    return {
      stored,
      reply: json(
        413,
        {
          ok: false,
          id: stored.id,
          error: {
            code: "body_too_large",
            message: `The request body is larger than this server's limit of ${formatBytes(limit)}. The attempt was recorded without its body.`,
          },
        },
        idHeader,
      ),
    };
  }
  if (plan.body === null) {
    return {
      stored,
      reply: { ...json(plan.status, { ok: true, id: stored.id }, idHeader), holdMs: plan.holdMs },
    };
  }
  return {
    stored,
    reply: {
      status: plan.status,
      headers: { ...plan.headers, ...idHeader },
      body: plan.body,
      delayMs: plan.delayMs,
      holdMs: plan.holdMs,
    },
  };
}

async function decideResponse(
  input: IncomingCapture,
  bin: CaptureBin,
  store: CaptureStore,
): Promise<ResponsePlan> {
  const { response, failure, cors } = bin.settings;
  if (cors && isPreflight(input.method, input.headers))
    return { status: 204, headers: {}, body: "", delayMs: 0 };
  const failureDue =
    failure?.mode === "next" ? await store.takeFailure(input.binId) : failureRolls(failure, Math.random());
  return planResponse({ response, failure, failureDue });
}
