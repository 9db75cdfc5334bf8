import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { HeaderPair } from "../../requests/types";
import type { SignedRequest } from "../types";
import { verifySignature } from "../verify";
import { parseRfc3339Seconds, twitch } from "./twitch";

// TC-1 (derived, signatures.md §4.2).
const SECRET = "test_secret";
const MESSAGE_ID = "e76c6bd4-55c9-4987-8304-da1588d8988b";
const TIMESTAMP = "2019-11-16T10:11:12.634234626Z";
const BODY = '{"hello":"world"}';
const TC1 = "sha256=88793436d8fae326fe5df0ae162997ea8f5d2c2cacc3f3eb12f2c87051b36b37";
const SENT_AT = Date.parse("2019-11-16T10:11:12.634Z");

function request(headers: HeaderPair[], body = BODY, receivedAt = new Date(SENT_AT + 2000)): SignedRequest {
  return {
    method: "POST",
    path: "/b/twitch",
    query: "",
    headers,
    body: Buffer.from(body, "utf8"),
    receivedAt,
    url: "https://hookscope.example.com/b/twitch",
  };
}

function twitchHeaders(signature: string, timestamp = TIMESTAMP, id = MESSAGE_ID): HeaderPair[] {
  return [
    ["Twitch-Eventsub-Message-Id", id],
    ["Twitch-Eventsub-Message-Timestamp", timestamp],
    ["Twitch-Eventsub-Message-Signature", signature],
    ["Twitch-Eventsub-Message-Type", "notification"],
  ];
}

function sign(secret: string, id: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret)
    .update(id + timestamp + body)
    .digest("hex")}`;
}

const check = (req: SignedRequest, ...values: string[]) =>
  verifySignature(req, {
    scheme: twitch,
    secrets: values.map((value, index) => ({ label: index === 0 ? "current" : "previous", value })),
  });

describe("twitch", () => {
  it("verifies the TC-1 vector and shows the expected signature", () => {
    const result = check(request(twitchHeaders(TC1)), SECRET);
    expect(result.verdict).toBe("valid");
    expect(result.details?.expected).toBe(TC1.slice("sha256=".length));
    expect(result.details?.signedContent).toBe(MESSAGE_ID + TIMESTAMP + BODY);
    expect(result.details?.timestamp).toBeCloseTo(SENT_AT / 1000, 3);
  });

  it("detects only requests with the signature header", () => {
    expect(twitch.detect(request(twitchHeaders(TC1)))).toBe(true);
    expect(twitch.detect(request([["Twitch-Eventsub-Message-Id", MESSAGE_ID]]))).toBe(false);
  });

  it("accepts an upper-case hex signature", () => {
    expect(check(request(twitchHeaders(`sha256=${TC1.slice(7).toUpperCase()}`)), SECRET).verdict).toBe(
      "valid",
    );
  });

  it("rejects a body with one byte changed", () => {
    expect(check(request(twitchHeaders(TC1), '{"hello":"World"}'), SECRET).verdict).toBe("invalid");
  });

  it("rejects a wrong secret", () => {
    expect(check(request(twitchHeaders(TC1)), "other_secret").verdict).toBe("invalid");
  });

  it("signs the message id: another id does not match", () => {
    expect(check(request(twitchHeaders(TC1, TIMESTAMP, "another-id")), SECRET).verdict).toBe("invalid");
  });

  it("reads a missing signature or companion header as missing", () => {
    expect(check(request([]), SECRET).verdict).toBe("missing");
    const withoutId = twitchHeaders(TC1).filter(([name]) => name !== "Twitch-Eventsub-Message-Id");
    expect(check(request(withoutId), SECRET).verdict).toBe("missing");
  });

  it("reads an unparsable signature or timestamp as invalid", () => {
    expect(check(request(twitchHeaders("sha1=abcdef")), SECRET).verdict).toBe("invalid");
    expect(check(request(twitchHeaders("88793436d8fae326")), SECRET).verdict).toBe("invalid");
    const badTime = sign(SECRET, MESSAGE_ID, "yesterday", BODY);
    const result = check(request(twitchHeaders(badTime, "yesterday")), SECRET);
    expect(result.verdict).toBe("invalid");
    expect(result.reason).toContain("RFC 3339");
  });

  it("allows 10 minutes of skew and reads more as expired, against receivedAt", () => {
    expect(check(request(twitchHeaders(TC1), BODY, new Date(SENT_AT + 590_000)), SECRET).verdict).toBe(
      "valid",
    );
    expect(check(request(twitchHeaders(TC1), BODY, new Date(SENT_AT + 610_000)), SECRET).verdict).toBe(
      "expired",
    );
    expect(check(request(twitchHeaders(TC1), BODY, new Date(SENT_AT - 86_400_000)), SECRET).verdict).toBe(
      "expired",
    );
  });

  it("verifies a fresh request signed with an offset timestamp", () => {
    const timestamp = "2024-05-01T14:00:00.123456789+02:00";
    const header = sign(SECRET, "msg-2", timestamp, BODY);
    const result = check(
      request(twitchHeaders(header, timestamp, "msg-2"), BODY, new Date("2024-05-01T12:00:05Z")),
      SECRET,
    );
    expect(result.verdict).toBe("valid");
  });

  it("matches the previous secret during a rotation", () => {
    const result = check(request(twitchHeaders(TC1)), "new_secret_value", SECRET);
    expect(result.verdict).toBe("valid");
    expect(result.details?.matchedSecret).toBe("previous");
  });

  it("parses RFC 3339 timestamps to unix seconds", () => {
    expect(parseRfc3339Seconds(TIMESTAMP)).toBe(1573899072.634);
    expect(parseRfc3339Seconds("2019-11-16T12:11:12+02:00")).toBe(1573899072);
    expect(parseRfc3339Seconds("2019-11-16 10:11:12Z")).toBeUndefined();
    expect(parseRfc3339Seconds("1573899072")).toBeUndefined();
  });
});
