import { z } from "zod";
import { HEADER_NAME } from "./header-name";

const status = z
  .number()
  .int()
  .min(100, "status must be between 100 and 599")
  .max(599, "status must be between 100 and 599");
const headerMap = z.record(z.string(), z.string().max(8192)).superRefine((headers, context) => {
  const names = Object.keys(headers);
  if (names.length > 50) context.addIssue({ code: "custom", message: "at most 50 headers" });
  for (const name of names.filter((candidate) => !HEADER_NAME.test(candidate))) {
    context.addIssue({
      code: "custom",
      message: `header name ${JSON.stringify(name)} is not one of the valid HTTP tokens`,
    });
  }
});

/** What a bin answers instead of the default `200 {"ok":true,"id":…}`. */
export const responseSettingsSchema = z.strictObject({
  status: status.default(200),
  headers: headerMap.default({}),
  body: z.string().max(65_536, "body must be at most 64 KiB").default(""),
  contentType: z.string().trim().max(200).optional(),
  delayMs: z.number().int().min(0).max(30_000, "delayMs must be at most 30000 (30 s)").default(0),
});
export type ResponseSettings = z.output<typeof responseSettingsSchema>;

/** Failure simulation: answer with an error (or not at all) so a sender's retries can be watched. */
export const failureSettingsSchema = z
  .strictObject({
    mode: z.enum(["always", "next", "percent", "timeout"], {
      message: "failure.mode must be always, next, percent or timeout",
    }),
    status: status.default(500),
    /** For `next`: how many requests fail before the bin answers normally again. */
    count: z.number().int().min(1).max(100_000).optional(),
    /** For `percent`: the share of requests that fail. */
    percent: z.number().min(0).max(100).optional(),
    retryAfter: z.number().int().min(0).max(86_400).optional(),
    /** For `timeout`: how long the connection is held before it is closed without an answer. */
    timeoutMs: z.number().int().min(1_000).max(120_000).default(30_000),
  })
  .refine((failure) => failure.mode !== "next" || failure.count !== undefined, {
    message: 'failure.count is required when mode is "next"',
    path: ["count"],
  })
  .refine((failure) => failure.mode !== "percent" || failure.percent !== undefined, {
    message: 'failure.percent is required when mode is "percent"',
    path: ["percent"],
  });
export type FailureSettings = z.output<typeof failureSettingsSchema>;

export interface ResponsePlan {
  status: number;
  headers: Record<string, string>;
  /** Null: the default JSON answer with the request's id. */
  body: string | null;
  delayMs: number;
  /** Set for the timeout mode: hold the connection this long, then close it without an answer. */
  holdMs?: number;
}

/** The status recorded for a request that was held and never answered. */
export const NO_ANSWER = 0;

/**
 * What to answer, decided before the request is stored so the stored row says what the sender got.
 * `failureDue` says whether this request is one of the failures to simulate (for `next` the store
 * counts them down atomically; for `percent` the caller rolls the dice).
 */
export function planResponse(options: {
  response: ResponseSettings | null;
  failure: FailureSettings | null;
  failureDue: boolean;
}): ResponsePlan {
  const { response, failure, failureDue } = options;
  if (failure && failureDue) {
    if (failure.mode === "timeout") {
      return { status: NO_ANSWER, headers: {}, body: null, delayMs: 0, holdMs: failure.timeoutMs };
    }
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
    if (failure.retryAfter !== undefined) headers["retry-after"] = String(failure.retryAfter);
    const body = `${JSON.stringify({ ok: false, error: { code: "simulated_failure", message: `Hookscope answered ${failure.status} on purpose (failure simulation).` } })}\n`;
    return { status: failure.status, headers, body, delayMs: response?.delayMs ?? 0 };
  }
  if (!response) return { status: 200, headers: {}, body: null, delayMs: 0 };
  const headers = { ...response.headers };
  if (response.contentType) headers["content-type"] = response.contentType;
  return { status: response.status, headers, body: response.body, delayMs: response.delayMs };
}

/** Whether a failure applies to this request, for the modes decided without the database. */
export function failureRolls(failure: FailureSettings | null, random: number): boolean {
  if (!failure) return false;
  if (failure.mode === "always" || failure.mode === "timeout") return true;
  if (failure.mode === "percent") return random * 100 < (failure.percent ?? 0);
  return false;
}
