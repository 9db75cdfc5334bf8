import { createHmac } from "node:crypto";
import { sign as octokitSign } from "@octokit/webhooks-methods";
import fc from "fast-check";
import { Webhook as StandardWebhook } from "standardwebhooks";
import Stripe from "stripe";
import { Webhook as SvixWebhook } from "svix";
import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { customScheme, customSchemeSchema } from "./schemes/custom";
import { signedRequest } from "./test-request";
import type { Secret } from "./types";
import { verifySignature } from "./verify";

const current = (value: string): Secret[] => [{ label: "current", value }];
const auto = (secrets: Secret[]) => ({ scheme: "auto" as const, secrets });

describe("GitHub", () => {
  it("accepts octokit's signature and names what it checked", async () => {
    const body = JSON.stringify({ action: "opened", number: 1 });
    const signature = await octokitSign("It's a Secret to Everybody", body);
    const request = signedRequest({
      headers: [
        ["X-Hub-Signature-256", signature],
        ["X-GitHub-Event", "pull_request"],
      ],
      body,
    });
    const result = verifySignature(request, auto(current("It's a Secret to Everybody")));
    expect(result.verdict).toBe("valid");
    expect(result.scheme).toBe("github");
    expect(result.reason).toContain("X-Hub-Signature-256 matches");
    expect(result.details?.expected).toBe(signature.slice("sha256=".length));
  });

  it("matches GitHub's published example (GH-1) and its legacy SHA-1 header (GH-3)", () => {
    const secret = current("It's a Secret to Everybody");
    const modern = signedRequest({
      headers: [
        ["X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"],
      ],
      body: "Hello, World!",
    });
    expect(verifySignature(modern, auto(secret)).verdict).toBe("valid");
    const legacy = signedRequest({
      headers: [
        ["X-GitHub-Event", "push"],
        ["X-Hub-Signature", "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59"],
      ],
      body: "Hello, World!",
    });
    expect(verifySignature(legacy, auto(secret)).verdict).toBe("valid");
  });

  it("names the likeliest cause when the body was re-serialized on the way", async () => {
    const sent = '{"a":1,"b":[1,2]}';
    const signature = await octokitSign("s3cret", sent);
    const received = JSON.stringify(JSON.parse(sent), null, 2);
    const result = verifySignature(
      signedRequest({ headers: [["X-Hub-Signature-256", signature]], body: received }),
      auto(current("s3cret")),
    );
    expect(result.verdict).toBe("invalid");
    expect(result.reason).toContain("re-serialized");
  });
});

describe("Stripe", () => {
  const secret = "whsec_test_secret";
  const payload = JSON.stringify({ id: "evt_test_webhook", object: "event" });

  it("accepts stripe-node's test header, using the whsec_ string as-is", () => {
    const timestamp = 1_700_000_000;
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
    const result = verifySignature(
      signedRequest({ headers: [["Stripe-Signature", header]], body: payload, receivedAt: timestamp + 10 }),
      auto(current(secret)),
    );
    expect(result).toMatchObject({ verdict: "valid", scheme: "stripe" });
    expect(result.details?.signedContent).toBe(`${timestamp}.${payload}`);
  });

  it("calls a right signature with an old timestamp expired, not invalid", () => {
    const timestamp = 1_700_000_000;
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
    const late = verifySignature(
      signedRequest({ headers: [["Stripe-Signature", header]], body: payload, receivedAt: timestamp + 301 }),
      auto(current(secret)),
    );
    expect(late.verdict).toBe("expired");
    expect(late.reason).toContain("before the request was received");
    const early = verifySignature(
      signedRequest({ headers: [["Stripe-Signature", header]], body: payload, receivedAt: timestamp - 3600 }),
      auto(current(secret)),
    );
    expect(early.verdict).toBe("expired");
  });

  it("accepts any v1 entry while Stripe rolls a secret, and says which secret matched", () => {
    const timestamp = 1_700_000_000;
    const oldHeader = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_old", timestamp });
    const newHeader = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
    const both = `${newHeader},v1=${oldHeader.split("v1=")[1]}`;
    const request = signedRequest({
      headers: [["Stripe-Signature", both]],
      body: payload,
      receivedAt: timestamp,
    });
    const result = verifySignature(request, {
      scheme: "stripe",
      secrets: [
        { label: "current", value: "whsec_unrelated" },
        { label: "previous", value: "whsec_old" },
      ],
    });
    expect(result.verdict).toBe("valid");
    expect(result.details?.matchedSecret).toBe("previous");
    expect(result.reason).toContain("previous secret");
  });

  it.each([
    ["t=1700000000", "no v1="],
    ["v1=abc", "no t="],
  ])("calls %j invalid (%s)", (header, reason) => {
    const result = verifySignature(
      signedRequest({ headers: [["Stripe-Signature", header]], body: payload }),
      {
        scheme: "stripe",
        secrets: current(secret),
      },
    );
    expect(result.verdict).toBe("invalid");
    expect(result.reason).toContain(reason);
  });
});

describe("Slack", () => {
  it("matches Slack's published example (SL-1)", () => {
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    const request = signedRequest({
      headers: [
        ["X-Slack-Request-Timestamp", "1531420618"],
        ["X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"],
      ],
      body,
      receivedAt: 1531420620,
    });
    expect(verifySignature(request, auto(current("8f742231b10e8888abcd99yyyzzz85a5"))).verdict).toBe("valid");
  });

  it("reports a signature without its timestamp header as missing", () => {
    const request = signedRequest({ headers: [["X-Slack-Signature", "v0=00"]], body: "x" });
    expect(verifySignature(request, auto(current("s"))).verdict).toBe("missing");
  });
});

describe("Standard Webhooks and Svix", () => {
  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  const id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  const timestamp = 1_614_265_330;
  const payload = '{"test": 2432232314}';

  it("matches the specification's vector (SW-1) and standardwebhooks' own signature", () => {
    const signature = new StandardWebhook(secret).sign(id, new Date(timestamp * 1000), payload);
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    const request = signedRequest({
      headers: [
        ["webhook-id", id],
        ["webhook-timestamp", String(timestamp)],
        ["webhook-signature", `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${signature}`],
      ],
      body: payload,
      receivedAt: timestamp,
    });
    expect(verifySignature(request, auto(current(secret)))).toMatchObject({
      verdict: "valid",
      scheme: "standard-webhooks",
    });
  });

  it("reads Svix's svix-* headers with svix's own signature", () => {
    const signature = new SvixWebhook(secret).sign(id, new Date(timestamp * 1000), payload);
    const request = signedRequest({
      headers: [
        ["svix-id", id],
        ["svix-timestamp", String(timestamp)],
        ["svix-signature", signature],
      ],
      body: payload,
      receivedAt: timestamp + 60,
    });
    expect(verifySignature(request, auto(current(secret)))).toMatchObject({
      verdict: "valid",
      scheme: "svix",
    });
  });

  it("calls a timestamp five minutes off in the future expired too", () => {
    const signature = new StandardWebhook(secret).sign(id, new Date(timestamp * 1000), payload);
    const request = signedRequest({
      headers: [
        ["webhook-id", id],
        ["webhook-timestamp", String(timestamp)],
        ["webhook-signature", signature],
      ],
      body: payload,
      receivedAt: timestamp - 301,
    });
    const result = verifySignature(request, auto(current(secret)));
    expect(result.verdict).toBe("expired");
    expect(result.reason).toContain("after the request was received");
  });
});

describe("Shopify, Twilio, GitLab", () => {
  it("matches Shopify's base64 HMAC of the body (SH-1)", () => {
    const request = signedRequest({
      headers: [["X-Shopify-Hmac-Sha256", "t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM="]],
      body: '{"hello":"world"}',
    });
    expect(verifySignature(request, auto(current("test_secret")))).toMatchObject({
      verdict: "valid",
      scheme: "shopify",
    });
  });

  it("accepts twilio-node's signature of a form POST over the public URL", () => {
    const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    const params = {
      CallSid: "CA1234567890ABCDE",
      Caller: "+14158675309",
      Digits: "1234",
      From: "+14158675309",
      To: "+18005551212",
    };
    const signature = twilio.getExpectedTwilioSignature("12345", url, params);
    expect(signature).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    const request = signedRequest({
      url,
      headers: [
        ["Content-Type", "application/x-www-form-urlencoded"],
        ["X-Twilio-Signature", signature],
      ],
      body: new URLSearchParams(params).toString(),
    });
    expect(verifySignature(request, auto(current("12345")))).toMatchObject({
      verdict: "valid",
      scheme: "twilio",
    });
    const elsewhere = { ...request, url: "https://other.example.com/myapp.php?foo=1&bar=2" };
    expect(verifySignature(elsewhere, auto(current("12345"))).verdict).toBe("invalid");
  });

  it("checks Twilio's bodySHA256 variant for JSON bodies (TW-3)", () => {
    const body = '{"property": "value", "boolean": true}';
    const url = `https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=${twilio.getExpectedBodyHash(body)}`;
    const headers: [string, string][] = [
      ["Content-Type", "application/json"],
      ["X-Twilio-Signature", "a9nBmqA0ju/hNViExpshrM61xv4="],
    ];
    expect(verifySignature(signedRequest({ url, headers, body }), auto(current("12345"))).verdict).toBe(
      "valid",
    );
    expect(
      verifySignature(signedRequest({ url, headers, body: `${body} ` }), auto(current("12345"))).verdict,
    ).toBe("invalid");
  });

  it("compares GitLab's token with the secret", () => {
    const request = signedRequest({ headers: [["X-Gitlab-Token", "tok-123"]], body: "{}" });
    expect(verifySignature(request, auto(current("tok-123"))).verdict).toBe("valid");
    expect(verifySignature(request, auto(current("tok-124"))).verdict).toBe("invalid");
  });
});

describe("custom scheme", () => {
  it("checks a sender's own header, algorithm, encoding, prefix and timestamp", () => {
    const scheme = customScheme(
      customSchemeSchema.parse({
        header: "X-Acme-Signature",
        algorithm: "sha512",
        encoding: "base64",
        prefix: "sig=",
        signs: "timestamp.body",
        timestampHeader: "X-Acme-Timestamp",
        toleranceSeconds: 60,
      }),
    );
    const body = '{"order":42}';
    const timestamp = 1_700_000_000;
    const signature = createHmac("sha512", "acme").update(`${timestamp}.${body}`).digest("base64");
    const headers: [string, string][] = [
      ["X-Acme-Timestamp", String(timestamp)],
      ["X-Acme-Signature", `sig=${signature}`],
    ];
    expect(
      verifySignature(signedRequest({ headers, body, receivedAt: timestamp + 30 }), {
        scheme,
        secrets: current("acme"),
      }).verdict,
    ).toBe("valid");
    expect(
      verifySignature(signedRequest({ headers, body, receivedAt: timestamp + 61 }), {
        scheme,
        secrets: current("acme"),
      }).verdict,
    ).toBe("expired");
  });

  it("requires a timestamp header when the timestamp is signed", () => {
    expect(customSchemeSchema.safeParse({ header: "X-Sig", signs: "timestamp.body" }).success).toBe(false);
  });
});

describe("verdicts without a check", () => {
  it("is unchecked without a secret, naming the detected scheme", () => {
    const request = signedRequest({ headers: [["Stripe-Signature", "t=1,v1=00"]], body: "{}" });
    expect(verifySignature(request, auto([]))).toMatchObject({ verdict: "unchecked", scheme: "stripe" });
  });

  it("is missing when a secret is set and no known signature header came", () => {
    const result = verifySignature(signedRequest({ body: "{}" }), auto(current("s")));
    expect(result).toMatchObject({ verdict: "missing", scheme: null });
  });

  it("is missing when the pinned scheme's header is absent", () => {
    const result = verifySignature(signedRequest({ body: "{}" }), {
      scheme: "github",
      secrets: current("s"),
    });
    expect(result).toMatchObject({ verdict: "missing", scheme: "github" });
  });
});

describe("tampering never verifies", () => {
  const secret = "whsec_test_secret";
  const payload = JSON.stringify({ id: "evt_1", object: "event", data: { amount: 4200 } });
  const timestamp = 1_700_000_000;
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });

  const check = (body: Buffer, signatureHeader: string) =>
    verifySignature(
      signedRequest({ headers: [["Stripe-Signature", signatureHeader]], body, receivedAt: timestamp }),
      {
        scheme: "stripe",
        secrets: current(secret),
      },
    ).verdict;

  it("rejects any single changed body byte", () => {
    const original = Buffer.from(payload);
    fc.assert(
      fc.property(fc.nat({ max: original.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, delta) => {
        const changed = Buffer.from(original);
        changed[index] = ((changed[index] ?? 0) + delta) % 256;
        return check(changed, header) !== "valid";
      }),
    );
  });

  it("rejects any changed timestamp or signature character", () => {
    const [stamp, signature] = header.split(",") as [string, string];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (shift) => {
        return check(Buffer.from(payload), `t=${timestamp + shift},${signature}`) !== "valid";
      }),
    );
    fc.assert(
      fc.property(
        fc.nat({ max: signature.length - 4 }),
        fc.constantFrom(..."0123456789abcdef"),
        (index, digit) => {
          const position = index + 3;
          if (signature[position] === digit) return true;
          const altered = signature.slice(0, position) + digit + signature.slice(position + 1);
          return check(Buffer.from(payload), `${stamp},${altered}`) !== "valid";
        },
      ),
    );
  });
});

describe.each([
  {
    scheme: "github",
    secret: "It's a Secret to Everybody",
    headers: [
      ["X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"],
    ],
    body: "Hello, World!",
    receivedAt: 0,
    // Hex digits name the same bytes in either case, and the scheme reads them so.
    hex: true,
  },
  {
    scheme: "standard-webhooks",
    secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    headers: [
      ["webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"],
      ["webhook-timestamp", "1614265330"],
      ["webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="],
    ],
    body: '{"test": 2432232314}',
    receivedAt: 1_614_265_330,
    hex: false,
  },
  {
    scheme: "shopify",
    secret: "test_secret",
    headers: [["X-Shopify-Hmac-Sha256", "t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM="]],
    body: '{"hello":"world"}',
    receivedAt: 0,
    hex: false,
  },
] as const)("$scheme: no changed byte verifies", ({ scheme, secret, headers, body, receivedAt, hex }) => {
  const verdict = (bytes: Buffer, pairs: readonly (readonly [string, string])[]) =>
    verifySignature(
      signedRequest({ headers: pairs.map(([name, value]) => [name, value]), body: bytes, receivedAt }),
      { scheme, secrets: current(secret) },
    ).verdict;

  it("verifies as published", () => {
    expect(verdict(Buffer.from(body), headers)).toBe("valid");
  });

  it("never verifies with a body byte changed", () => {
    fc.assert(
      fc.property(fc.nat({ max: body.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, delta) => {
        const changed = Buffer.from(body);
        changed[index] = ((changed[index] ?? 0) + delta) % 256;
        return verdict(changed, headers) !== "valid";
      }),
    );
  });

  it("never verifies with a signature character changed", () => {
    const last = headers.length - 1;
    const signature = headers[last]?.[1] ?? "";
    fc.assert(
      fc.property(
        fc.nat({ max: signature.length - 1 }),
        fc.constantFrom(..."0123456789abcdefABCDEF+/="),
        (index, char) => {
          const same = hex
            ? signature[index]?.toLowerCase() === char.toLowerCase()
            : signature[index] === char;
          if (same) return true;
          const altered = signature.slice(0, index) + char + signature.slice(index + 1);
          const pairs = headers.map(
            ([name, value], position) => [name, position === last ? altered : value] as const,
          );
          return verdict(Buffer.from(body), pairs) !== "valid";
        },
      ),
    );
  });
});
