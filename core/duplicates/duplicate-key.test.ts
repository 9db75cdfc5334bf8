import { describe, expect, it } from "vitest";
import type { HeaderPair } from "../requests/types";
import { DEFAULT_DUPLICATE_SETTINGS, type DuplicateSettings, duplicateKey } from "./duplicate-key";

interface RequestShape {
  method?: string;
  path?: string;
  headers?: HeaderPair[];
  body?: Buffer | string | object;
  contentType?: string | null;
}

function request({
  method = "POST",
  path = "/",
  headers = [],
  body = Buffer.alloc(0),
  contentType,
}: RequestShape) {
  const bytes = Buffer.isBuffer(body)
    ? body
    : Buffer.from(typeof body === "string" ? body : JSON.stringify(body), "utf8");
  const type = contentType !== undefined ? contentType : headerContentType(headers);
  return { method, path, headers, body: bytes, contentType: type };
}

function headerContentType(headers: HeaderPair[]): string | null {
  return headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? null;
}

const noFingerprint: DuplicateSettings = { fingerprint: false };

const githubDelivery = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
const githubHeaders: HeaderPair[] = [
  ["Host", "hookscope.example.com"],
  ["User-Agent", "GitHub-Hookshot/044aadd"],
  ["Content-Type", "application/json"],
  ["X-GitHub-Event", "push"],
  ["X-GitHub-Hook-ID", "292430182"],
  ["X-GitHub-Delivery", githubDelivery],
  ["X-GitHub-Hook-Installation-Target-ID", "79929171"],
  ["X-GitHub-Hook-Installation-Target-Type", "repository"],
  ["X-Hub-Signature-256", "sha256=d57c68ca6f92289e6987922ff26938930f6e66a2d161ef06abdf1859230aa23c"],
];
const githubPush = {
  ref: "refs/heads/main",
  before: "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
  after: "0000000000000000000000000000000000000000",
  repository: { id: 186853002, full_name: "octocat/Hello-World" },
  pusher: { name: "octocat", email: "octocat@github.com" },
  sender: { login: "octocat", id: 1 },
  commits: [{ id: "6113728f27ae82c7b1a177c8d03f9e96e0adf246", message: "Update README.md" }],
};

const stripeEventId = "evt_1NG8Du2eZvKYlo2CUI79vXWy";
const stripeHeaders: HeaderPair[] = [
  ["Host", "hookscope.example.com"],
  ["User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)"],
  ["Content-Type", "application/json; charset=utf-8"],
  ["Cache-Control", "no-cache"],
  [
    "Stripe-Signature",
    "t=1686089970,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd,v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39",
  ],
];
const stripeEvent = {
  id: stripeEventId,
  object: "event",
  api_version: "2022-11-15",
  created: 1686089970,
  data: {
    object: {
      id: "pi_3NG8Dt2eZvKYlo2C0u8kbL1m",
      object: "payment_intent",
      amount: 2000,
      currency: "usd",
      status: "succeeded",
    },
  },
  livemode: false,
  pending_webhooks: 1,
  request: { id: "req_4dZzqDx2rsF2Fq", idempotency_key: "8a2a1b6c-5f4a-4f44-9d3a-1e7f0f0b7d52" },
  type: "payment_intent.succeeded",
};

const slackHeaders: HeaderPair[] = [
  ["Host", "hookscope.example.com"],
  ["User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)"],
  ["Content-Type", "application/json"],
  ["X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"],
  ["X-Slack-Request-Timestamp", "1700000000"],
];
const slackEvent = {
  token: "Jhj5dZrVaK7ZwHHjRyZWjbDl",
  team_id: "T123",
  api_app_id: "A123",
  event: {
    type: "message",
    channel: "C2147483705",
    user: "U2147483697",
    text: "Hello world",
    ts: "1355517523.000005",
  },
  type: "event_callback",
  event_id: "Ev0PV52K25",
  event_time: 1700000000,
};

describe("duplicateKey: provider identities", () => {
  it("uses GitHub's X-GitHub-Delivery", () => {
    expect(
      duplicateKey(request({ headers: githubHeaders, body: githubPush }), DEFAULT_DUPLICATE_SETTINGS),
    ).toEqual({ key: `github-delivery:${githubDelivery}`, source: "github-delivery" });
  });

  it("uses the GitHub delivery id for a redelivery whose body changed", () => {
    const first = duplicateKey(request({ headers: githubHeaders, body: githubPush }), noFingerprint);
    const again = duplicateKey(
      request({ headers: githubHeaders, body: { ...githubPush, after: "abc" } }),
      noFingerprint,
    );
    expect(again).toEqual(first);
  });

  it("uses a Stripe event id from the body", () => {
    expect(
      duplicateKey(request({ headers: stripeHeaders, body: stripeEvent }), DEFAULT_DUPLICATE_SETTINGS),
    ).toEqual({ key: `stripe-event:${stripeEventId}`, source: "stripe-event" });
  });

  it("does not take a body id that is not evt_… as a Stripe event", () => {
    const paymentIntent = { ...stripeEvent.data.object };
    expect(duplicateKey(request({ headers: stripeHeaders, body: paymentIntent }), noFingerprint)).toBeNull();
    expect(
      duplicateKey(request({ headers: stripeHeaders, body: paymentIntent }), DEFAULT_DUPLICATE_SETTINGS)
        ?.source,
    ).toBe("fingerprint");
  });

  it("uses Standard Webhooks' webhook-id", () => {
    const headers: HeaderPair[] = [
      ["content-type", "application/json"],
      ["webhook-id", "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"],
      ["webhook-timestamp", "1674087231"],
      ["webhook-signature", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="],
    ];
    expect(
      duplicateKey(request({ headers, body: { type: "invoice.paid" } }), DEFAULT_DUPLICATE_SETTINGS),
    ).toEqual({ key: "webhook-id:msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", source: "webhook-id" });
  });

  it("uses Svix's svix-id", () => {
    const headers: HeaderPair[] = [
      ["content-type", "application/json"],
      ["svix-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"],
      ["svix-timestamp", "1614265330"],
      ["svix-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="],
    ];
    expect(
      duplicateKey(request({ headers, body: { type: "user.created" } }), DEFAULT_DUPLICATE_SETTINGS),
    ).toEqual({ key: "svix-id:msg_p5jXN8AQM9LWM0D4loKWxJek", source: "svix-id" });
  });

  it("uses Shopify's X-Shopify-Webhook-Id", () => {
    const headers: HeaderPair[] = [
      ["Content-Type", "application/json"],
      ["X-Shopify-Topic", "orders/create"],
      ["X-Shopify-Hmac-Sha256", "XWmrwMey6OsLMeiZKwP4FppHH3cmAiiJJAweH5Jo4bM="],
      ["X-Shopify-Shop-Domain", "johns-apparel.myshopify.com"],
      ["X-Shopify-API-Version", "2024-07"],
      ["X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"],
      ["X-Shopify-Triggered-At", "2024-07-01T12:00:00.000000Z"],
    ];
    expect(
      duplicateKey(request({ headers, body: { id: 820982911946154500 } }), DEFAULT_DUPLICATE_SETTINGS),
    ).toEqual({
      key: "shopify-webhook-id:b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
      source: "shopify-webhook-id",
    });
  });

  it("uses a Slack Events API event_id", () => {
    expect(
      duplicateKey(request({ headers: slackHeaders, body: slackEvent }), DEFAULT_DUPLICATE_SETTINGS),
    ).toEqual({ key: "slack-event-id:Ev0PV52K25", source: "slack-event-id" });
  });

  it("uses a Slack event_id when only X-Slack-Signature marks the request as Slack", () => {
    const { type: _type, ...withoutType } = slackEvent;
    expect(duplicateKey(request({ headers: slackHeaders, body: withoutType }), noFingerprint)).toEqual({
      key: "slack-event-id:Ev0PV52K25",
      source: "slack-event-id",
    });
  });

  it("uses a Slack event_id when only the event_callback type marks the request as Slack", () => {
    const headers: HeaderPair[] = [["Content-Type", "application/json"]];
    expect(duplicateKey(request({ headers, body: slackEvent }), noFingerprint)?.source).toBe(
      "slack-event-id",
    );
  });

  it("ignores an event_id in a body that is not from Slack", () => {
    const headers: HeaderPair[] = [["Content-Type", "application/json"]];
    const body = { event_id: "Ev0PV52K25", type: "order.created" };
    expect(duplicateKey(request({ headers, body }), noFingerprint)).toBeNull();
    expect(duplicateKey(request({ headers, body }), DEFAULT_DUPLICATE_SETTINGS)?.source).toBe("fingerprint");
  });

  it("uses GitLab's X-Gitlab-Event-UUID", () => {
    const headers: HeaderPair[] = [
      ["Content-Type", "application/json"],
      ["User-Agent", "GitLab/16.5.0"],
      ["X-Gitlab-Event", "Push Hook"],
      ["X-Gitlab-Webhook-UUID", "16412a31-b9a4-4d5e-9c1a-8f9b6a1f0e3b"],
      ["X-Gitlab-Instance", "https://gitlab.com"],
      ["X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e"],
      ["X-Gitlab-Token", "secret"],
    ];
    expect(
      duplicateKey(request({ headers, body: { object_kind: "push" } }), DEFAULT_DUPLICATE_SETTINGS),
    ).toEqual({
      key: "gitlab-event-uuid:13792a34-cac6-4fda-95a8-c58e00a3954e",
      source: "gitlab-event-uuid",
    });
  });

  it("uses a generic Idempotency-Key when no provider id is present", () => {
    const headers: HeaderPair[] = [
      ["Content-Type", "application/json"],
      ["Idempotency-Key", "8e03978e-40d5-43e8-bc93-6894a57f9324"],
    ];
    expect(duplicateKey(request({ headers, body: { amount: 1 } }), DEFAULT_DUPLICATE_SETTINGS)).toEqual({
      key: "idempotency-key:8e03978e-40d5-43e8-bc93-6894a57f9324",
      source: "idempotency-key",
    });
  });

  it("prefers a provider id over a generic Idempotency-Key", () => {
    const headers: HeaderPair[] = [...githubHeaders, ["Idempotency-Key", "other"]];
    expect(duplicateKey(request({ headers, body: githubPush }), noFingerprint)?.source).toBe(
      "github-delivery",
    );
  });

  it("trims surrounding whitespace from an id", () => {
    const headers: HeaderPair[] = [["X-GitHub-Delivery", `  ${githubDelivery}\t`]];
    expect(duplicateKey(request({ headers }), noFingerprint)?.key).toBe(`github-delivery:${githubDelivery}`);
  });

  it("namespaces keys by source, so equal values from different sources differ", () => {
    const viaGithub = duplicateKey(request({ headers: [["X-GitHub-Delivery", "abc"]] }), noFingerprint);
    const viaIdempotency = duplicateKey(request({ headers: [["Idempotency-Key", "abc"]] }), noFingerprint);
    expect(viaGithub?.key).not.toBe(viaIdempotency?.key);
  });
});

describe("duplicateKey: fingerprint", () => {
  const base = { method: "POST", path: "/orders", body: '{"order":1001,"total":"19.99"}' };
  const headers: HeaderPair[] = [["Content-Type", "application/json"]];

  it("gives the same key for the same method, path and body", () => {
    const first = duplicateKey(request({ ...base, headers }), DEFAULT_DUPLICATE_SETTINGS);
    const second = duplicateKey(request({ ...base, headers }), DEFAULT_DUPLICATE_SETTINGS);
    expect(first?.source).toBe("fingerprint");
    expect(first?.key).toMatch(/^fingerprint:[0-9a-f]{64}$/);
    expect(second).toEqual(first);
  });

  it("ignores headers that carry no identity", () => {
    const first = duplicateKey(request({ ...base, headers }), DEFAULT_DUPLICATE_SETTINGS);
    const withMore = duplicateKey(
      request({ ...base, headers: [...headers, ["X-Request-Start", "t=1700000000123"]] }),
      DEFAULT_DUPLICATE_SETTINGS,
    );
    expect(withMore).toEqual(first);
  });

  it.each([
    ["method", { method: "PUT" }],
    ["path", { path: "/orders/" }],
    ["body (one byte)", { body: '{"order":1002,"total":"19.99"}' }],
  ])("gives a different key when the %s changes", (_label, change) => {
    const original = duplicateKey(request({ ...base, headers }), DEFAULT_DUPLICATE_SETTINGS);
    const changed = duplicateKey(request({ ...base, ...change, headers }), DEFAULT_DUPLICATE_SETTINGS);
    expect(changed?.source).toBe("fingerprint");
    expect(changed?.key).not.toBe(original?.key);
  });

  it("fingerprints an empty body", () => {
    expect(duplicateKey(request({ method: "GET", path: "/ping" }), DEFAULT_DUPLICATE_SETTINGS)?.source).toBe(
      "fingerprint",
    );
  });

  it("returns null when fingerprinting is off and the request carries no identity", () => {
    expect(duplicateKey(request({ ...base, headers }), noFingerprint)).toBeNull();
  });
});

describe("duplicateKey: user settings", () => {
  it("prefers a user-named header over a provider header", () => {
    const headers: HeaderPair[] = [...githubHeaders, ["X-Correlation-Id", "corr-42"]];
    expect(
      duplicateKey(request({ headers, body: githubPush }), { fingerprint: true, header: "X-Correlation-Id" }),
    ).toEqual({ key: "header:corr-42", source: "header" });
  });

  it("matches the user-named header case-insensitively", () => {
    const headers: HeaderPair[] = [["X-CORRELATION-ID", "corr-42"]];
    expect(duplicateKey(request({ headers }), { fingerprint: false, header: "x-correlation-id" })?.key).toBe(
      "header:corr-42",
    );
  });

  it("falls back to the provider id when the named header is absent", () => {
    expect(
      duplicateKey(request({ headers: githubHeaders, body: githubPush }), {
        fingerprint: true,
        header: "X-Correlation-Id",
      })?.source,
    ).toBe("github-delivery");
  });

  it("prefers a JSON path over provider ids", () => {
    expect(
      duplicateKey(request({ headers: stripeHeaders, body: stripeEvent }), {
        fingerprint: true,
        jsonPath: "data.object.id",
      }),
    ).toEqual({ key: "json-path:pi_3NG8Dt2eZvKYlo2C0u8kbL1m", source: "json-path" });
  });

  it("prefers a JSON path over a provider header", () => {
    expect(
      duplicateKey(request({ headers: githubHeaders, body: githubPush }), {
        fingerprint: true,
        jsonPath: "$.commits[0].id",
      }),
    ).toEqual({ key: "json-path:6113728f27ae82c7b1a177c8d03f9e96e0adf246", source: "json-path" });
  });

  it("prefers the named header over the JSON path when both are set and present", () => {
    const headers: HeaderPair[] = [...stripeHeaders, ["X-Correlation-Id", "corr-42"]];
    expect(
      duplicateKey(request({ headers, body: stripeEvent }), {
        fingerprint: true,
        header: "X-Correlation-Id",
        jsonPath: "data.object.id",
      })?.source,
    ).toBe("header");
  });

  it("falls back to the provider id when the JSON path is absent", () => {
    expect(
      duplicateKey(request({ headers: stripeHeaders, body: stripeEvent }), {
        fingerprint: true,
        jsonPath: "data.object.missing",
      })?.source,
    ).toBe("stripe-event");
  });

  it("uses a number at the JSON path", () => {
    expect(
      duplicateKey(request({ headers: stripeHeaders, body: stripeEvent }), {
        fingerprint: true,
        jsonPath: "data.object.amount",
      }),
    ).toEqual({ key: "json-path:2000", source: "json-path" });
  });

  it.each([
    ["an object", "data.object"],
    ["a boolean", "livemode"],
    ["null", "missing_null"],
  ])("ignores %s at the JSON path", (_label, jsonPath) => {
    const body = { ...stripeEvent, missing_null: null };
    expect(
      duplicateKey(request({ headers: stripeHeaders, body }), { fingerprint: true, jsonPath })?.source,
    ).toBe("stripe-event");
  });

  it.each([
    ["empty", ""],
    ["whitespace", "   "],
    ["longer than 512 characters", "x".repeat(513)],
  ])("ignores a named header whose value is %s", (_label, value) => {
    const headers: HeaderPair[] = [...githubHeaders, ["X-Correlation-Id", value]];
    expect(
      duplicateKey(request({ headers, body: githubPush }), { fingerprint: true, header: "X-Correlation-Id" })
        ?.source,
    ).toBe("github-delivery");
  });

  it("accepts a value of exactly 512 characters", () => {
    const value = "x".repeat(512);
    expect(
      duplicateKey(request({ headers: [["X-Correlation-Id", value]] }), {
        fingerprint: false,
        header: "X-Correlation-Id",
      })?.key,
    ).toBe(`header:${value}`);
  });

  it.each([
    ["empty", ""],
    ["whitespace", " \t "],
    ["longer than 512 characters", "y".repeat(600)],
  ])("ignores a JSON path value that is %s", (_label, value) => {
    const body = { ...stripeEvent, ref: value };
    expect(
      duplicateKey(request({ headers: stripeHeaders, body }), { fingerprint: true, jsonPath: "ref" })?.source,
    ).toBe("stripe-event");
  });

  it.each([
    ["empty", ""],
    ["whitespace", "  "],
    ["longer than 512 characters", "z".repeat(513)],
  ])("skips a provider header whose value is %s", (_label, value) => {
    const headers: HeaderPair[] = [
      ["X-GitHub-Delivery", value],
      ["Idempotency-Key", "fallback"],
    ];
    expect(duplicateKey(request({ headers }), noFingerprint)?.source).toBe("idempotency-key");
  });
});

describe("duplicateKey: bodies that are not usable JSON", () => {
  const jsonSettings: DuplicateSettings = { fingerprint: true, jsonPath: "id" };

  it.each([
    ["malformed JSON", Buffer.from('{"id":"evt_1', "utf8"), "application/json"],
    [
      "invalid UTF-8",
      Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0xff, 0xfe, 0x7d]),
      "application/json",
    ],
    ["binary", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "image/png"],
    ["form-encoded", Buffer.from("id=evt_1&type=x", "utf8"), "application/x-www-form-urlencoded"],
    ["plain text", Buffer.from("hello", "utf8"), "text/plain"],
    ["a JSON scalar", Buffer.from('"evt_1"', "utf8"), "application/json"],
    ["JSON null", Buffer.from("null", "utf8"), "application/json"],
  ])("falls back to the fingerprint for %s without throwing", (_label, body, contentType) => {
    const run = () => duplicateKey(request({ body, contentType }), jsonSettings);
    expect(run).not.toThrow();
    expect(run()?.source).toBe("fingerprint");
  });

  it("reads a Stripe id from a body without a content type", () => {
    expect(duplicateKey(request({ body: stripeEvent, contentType: null }), noFingerprint)?.source).toBe(
      "stripe-event",
    );
  });

  it("reads a Stripe id from a +json media type", () => {
    expect(
      duplicateKey(request({ body: stripeEvent, contentType: "application/vnd.api+json" }), noFingerprint)
        ?.source,
    ).toBe("stripe-event");
  });

  it("does not read JSON ids out of a body sent as another media type", () => {
    expect(duplicateKey(request({ body: stripeEvent, contentType: "text/plain" }), noFingerprint)).toBeNull();
  });

  it("still uses header ids when the body is not JSON", () => {
    const headers: HeaderPair[] = [
      ["Content-Type", "application/json"],
      ["X-GitHub-Delivery", githubDelivery],
    ];
    expect(
      duplicateKey(request({ headers, body: Buffer.from([0xff, 0xfe, 0xfd]) }), noFingerprint)?.source,
    ).toBe("github-delivery");
  });
});

describe("duplicateKey: provider ids that cannot be used fall through", () => {
  it.each([
    ["a blank Slack event_id", { type: "event_callback", event_id: "  " }],
    ["an over-long Stripe id", { id: `evt_${"x".repeat(600)}` }],
  ])("%s gives way to Idempotency-Key", (_label, body) => {
    const key = duplicateKey(
      request({ headers: [["Idempotency-Key", "k1"]], body, contentType: "application/json" }),
      DEFAULT_DUPLICATE_SETTINGS,
    );
    expect(key).toEqual({ key: "idempotency-key:k1", source: "idempotency-key" });
  });

  it("reads a Stripe id from JSON that starts with a byte-order mark", () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`{"id":"${stripeEventId}"}`)]);
    expect(duplicateKey(request({ body, contentType: "application/json" }), noFingerprint)?.source).toBe(
      "stripe-event",
    );
  });
});
