import { describe, expect, it } from "vitest";
import {
  type FailureSettings,
  failureRolls,
  failureSettingsSchema,
  NO_ANSWER,
  planResponse,
  type ResponseSettings,
  responseSettingsSchema,
} from "./behaviour";

function issuesOf(result: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}) {
  expect(result.success).toBe(false);
  return result.error?.issues ?? [];
}

function messagesOf(result: Parameters<typeof issuesOf>[0]): string {
  return issuesOf(result)
    .map((issue) => issue.message)
    .join("\n");
}

function response(input: Partial<ResponseSettings> = {}): ResponseSettings {
  return responseSettingsSchema.parse(input);
}

function failure(input: Partial<FailureSettings> & Pick<FailureSettings, "mode">): FailureSettings {
  return failureSettingsSchema.parse(input);
}

describe("responseSettingsSchema", () => {
  it("fills in status 200, no headers, an empty body and no delay", () => {
    expect(responseSettingsSchema.parse({})).toEqual({ status: 200, headers: {}, body: "", delayMs: 0 });
  });

  it("accepts a full custom response", () => {
    const input = {
      status: 201,
      headers: { "X-Custom": "yes" },
      body: "created",
      contentType: "text/plain",
      delayMs: 30_000,
    };
    expect(responseSettingsSchema.parse(input)).toEqual(input);
  });

  it.each([99, 600, 1.5])("rejects status %s", (status) => {
    const result = responseSettingsSchema.safeParse({ status });
    expect(issuesOf(result)[0]?.path).toEqual(["status"]);
    if (Number.isInteger(status)) expect(messagesOf(result)).toContain("between 100 and 599");
  });

  it("accepts the edge statuses 100 and 599", () => {
    expect(responseSettingsSchema.parse({ status: 100 }).status).toBe(100);
    expect(responseSettingsSchema.parse({ status: 599 }).status).toBe(599);
  });

  it.each(["X Custom", "X:Custom"])("rejects the header name %j as not an HTTP token", (name) => {
    const result = responseSettingsSchema.safeParse({ headers: { [name]: "value" } });
    expect(issuesOf(result)[0]?.path[0]).toBe("headers");
    expect(messagesOf(result)).toContain(JSON.stringify(name));
    expect(messagesOf(result)).toContain("HTTP token");
  });

  it("rejects more than 50 headers", () => {
    const headers = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`X-H${index}`, "v"]));
    expect(messagesOf(responseSettingsSchema.safeParse({ headers }))).toContain("at most 50 headers");
  });

  it("accepts token header names with punctuation", () => {
    const headers = { "X-Hook_Id.v2": "1", "x!#$%&'*+^`|~": "2" };
    expect(responseSettingsSchema.parse({ headers }).headers).toEqual(headers);
  });

  it("rejects a delay over 30 seconds and names the limit", () => {
    const result = responseSettingsSchema.safeParse({ delayMs: 30_001 });
    expect(issuesOf(result)[0]?.path).toEqual(["delayMs"]);
    expect(messagesOf(result)).toContain("30000");
  });

  it("rejects a negative delay", () => {
    expect(responseSettingsSchema.safeParse({ delayMs: -1 }).success).toBe(false);
  });

  it("accepts a body of exactly 64 KiB and rejects one byte more", () => {
    expect(responseSettingsSchema.safeParse({ body: "x".repeat(65_536) }).success).toBe(true);
    const result = responseSettingsSchema.safeParse({ body: "x".repeat(65_537) });
    expect(messagesOf(result)).toContain("64 KiB");
  });

  it("rejects keys it does not know", () => {
    const result = responseSettingsSchema.safeParse({ status: 200, colour: "blue" });
    expect(messagesOf(result)).toContain("colour");
  });
});

describe("failureSettingsSchema", () => {
  it.each([
    ["always", { mode: "always" }],
    ["timeout", { mode: "timeout" }],
    ["next", { mode: "next", count: 3 }],
    ["percent", { mode: "percent", percent: 25 }],
  ])("accepts mode %s with status 500 and a 30 s timeout by default", (_mode, input) => {
    expect(failureSettingsSchema.parse(input)).toEqual({ ...input, status: 500, timeoutMs: 30_000 });
  });

  it("rejects an unknown mode with the list of modes", () => {
    const result = failureSettingsSchema.safeParse({ mode: "sometimes" });
    expect(messagesOf(result)).toContain("always, next, percent or timeout");
  });

  it('rejects "next" without a count and names the field', () => {
    const issues = issuesOf(failureSettingsSchema.safeParse({ mode: "next" }));
    expect(issues.map((issue) => issue.path)).toContainEqual(["count"]);
    expect(issues.map((issue) => issue.message).join("\n")).toContain("failure.count is required");
  });

  it('rejects "percent" without a percent and names the field', () => {
    const issues = issuesOf(failureSettingsSchema.safeParse({ mode: "percent" }));
    expect(issues.map((issue) => issue.path)).toContainEqual(["percent"]);
    expect(issues.map((issue) => issue.message).join("\n")).toContain("failure.percent is required");
  });

  it("rejects a percent outside 0..100", () => {
    expect(failureSettingsSchema.safeParse({ mode: "percent", percent: 101 }).success).toBe(false);
    expect(failureSettingsSchema.safeParse({ mode: "percent", percent: -1 }).success).toBe(false);
  });

  it("keeps timeoutMs between 1000 and 120000", () => {
    expect(failureSettingsSchema.parse({ mode: "timeout", timeoutMs: 1_000 }).timeoutMs).toBe(1_000);
    expect(failureSettingsSchema.parse({ mode: "timeout", timeoutMs: 120_000 }).timeoutMs).toBe(120_000);
    expect(failureSettingsSchema.safeParse({ mode: "timeout", timeoutMs: 999 }).success).toBe(false);
    expect(failureSettingsSchema.safeParse({ mode: "timeout", timeoutMs: 120_001 }).success).toBe(false);
  });

  it("rejects a failure status outside 100..599", () => {
    const result = failureSettingsSchema.safeParse({ mode: "always", status: 600 });
    expect(messagesOf(result)).toContain("between 100 and 599");
  });

  it("rejects keys it does not know", () => {
    expect(failureSettingsSchema.safeParse({ mode: "always", every: 2 }).success).toBe(false);
  });
});

describe("planResponse", () => {
  it("plans the default 200 with the default body when nothing is set", () => {
    expect(planResponse({ response: null, failure: null, failureDue: false })).toEqual({
      status: 200,
      headers: {},
      body: null,
      delayMs: 0,
    });
  });

  it("answers with the custom status, headers, body and delay, adding content-type", () => {
    const plan = planResponse({
      response: response({
        status: 202,
        headers: { "X-Hook": "seen" },
        body: "<ok/>",
        contentType: "application/xml",
        delayMs: 250,
      }),
      failure: null,
      failureDue: false,
    });
    expect(plan).toEqual({
      status: 202,
      headers: { "X-Hook": "seen", "content-type": "application/xml" },
      body: "<ok/>",
      delayMs: 250,
    });
  });

  it("leaves the headers as they are when no content type is set", () => {
    const plan = planResponse({
      response: response({ headers: { "X-Only": "1" } }),
      failure: null,
      failureDue: false,
    });
    expect(plan.headers).toEqual({ "X-Only": "1" });
    expect(plan.body).toBe("");
  });

  it("answers a due failure with its status and a JSON body that says it is simulated", () => {
    const plan = planResponse({
      response: null,
      failure: failure({ mode: "always", status: 503 }),
      failureDue: true,
    });
    expect(plan.status).toBe(503);
    expect(plan.headers).toEqual({ "content-type": "application/json; charset=utf-8" });
    expect(plan.delayMs).toBe(0);
    expect(plan.holdMs).toBeUndefined();
    const body = JSON.parse(plan.body ?? "null");
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe("simulated_failure");
    expect(body.error.message).toContain("503");
    expect(body.error.message).toContain("failure simulation");
  });

  it("adds retry-after to a due failure when set and keeps the response's delay", () => {
    const plan = planResponse({
      response: response({ status: 201, body: "fine", delayMs: 1_500 }),
      failure: failure({ mode: "next", count: 2, status: 429, retryAfter: 60 }),
      failureDue: true,
    });
    expect(plan.status).toBe(429);
    expect(plan.headers["retry-after"]).toBe("60");
    expect(plan.delayMs).toBe(1_500);
    expect(plan.body).not.toBe("fine");
  });

  it("holds the connection without an answer in timeout mode", () => {
    const plan = planResponse({
      response: response({ delayMs: 500 }),
      failure: failure({ mode: "timeout", timeoutMs: 5_000 }),
      failureDue: true,
    });
    expect(plan).toEqual({ status: NO_ANSWER, headers: {}, body: null, delayMs: 0, holdMs: 5_000 });
    expect(NO_ANSWER).toBe(0);
  });

  it("answers normally when a failure is configured but not due", () => {
    const configured = failure({ mode: "percent", percent: 50, status: 500 });
    expect(planResponse({ response: null, failure: configured, failureDue: false })).toEqual({
      status: 200,
      headers: {},
      body: null,
      delayMs: 0,
    });
    const custom = planResponse({
      response: response({ status: 204, delayMs: 10 }),
      failure: configured,
      failureDue: false,
    });
    expect(custom).toEqual({ status: 204, headers: {}, body: "", delayMs: 10 });
  });

  it("ignores failureDue when no failure is configured", () => {
    expect(planResponse({ response: null, failure: null, failureDue: true }).status).toBe(200);
  });
});

describe("failureRolls", () => {
  it("always fails in always and timeout modes, whatever the dice say", () => {
    for (const random of [0, 0.5, 0.999]) {
      expect(failureRolls(failure({ mode: "always" }), random)).toBe(true);
      expect(failureRolls(failure({ mode: "timeout" }), random)).toBe(true);
    }
  });

  it("never fails at 0 percent", () => {
    const none = failure({ mode: "percent", percent: 0 });
    expect(failureRolls(none, 0)).toBe(false);
    expect(failureRolls(none, 0.999)).toBe(false);
  });

  it("fails at 50 percent exactly when random * 100 is below 50", () => {
    const half = failure({ mode: "percent", percent: 50 });
    expect(failureRolls(half, 0.49)).toBe(true);
    expect(failureRolls(half, 0.5)).toBe(false);
  });

  it("always fails at 100 percent", () => {
    const all = failure({ mode: "percent", percent: 100 });
    expect(failureRolls(all, 0)).toBe(true);
    expect(failureRolls(all, 0.999_999)).toBe(true);
  });

  it("leaves the next-N mode to the database", () => {
    expect(failureRolls(failure({ mode: "next", count: 5 }), 0)).toBe(false);
  });

  it("does not fail without a failure setting", () => {
    expect(failureRolls(null, 0)).toBe(false);
  });
});
