import { createHmac } from "node:crypto";
import { LinearWebhookClient } from "@linear/sdk/webhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SignedRequest } from "../types";
import { verifySignature } from "../verify";
import { linear } from "./linear";

const SECRET = "lin_wh_test_secret";
const TS_MS = 1_700_000_000_123;
const BODY = `{"action":"create","type":"Issue","data":{"id":"issue_1","title":"Hi"},"webhookTimestamp":${TS_MS}}`;
const SIGNATURE = createHmac("sha256", SECRET).update(BODY).digest("hex");
// LN-1 (spec §4.2): secret `test_secret`, body {"hello":"world"}, which carries no webhookTimestamp.
const LN1 = {
  body: '{"hello":"world"}',
  signature: "b7b1e7e190c7aace9efb076f2394f2408bf389ed0398c526b97101ab2c84fed3",
};

const atMs = (ms: number) => new Date(ms);

function request(
  signature: string | null,
  body: string | Buffer = BODY,
  receivedAt = atMs(TS_MS + 400),
): SignedRequest {
  return {
    method: "POST",
    path: "/h/bin1",
    query: "",
    headers: [
      ["Content-Type", "application/json; charset=utf-8"],
      ["Linear-Event", "Issue"],
      ...(signature === null ? [] : [["Linear-Signature", signature] as [string, string]]),
    ],
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"),
    receivedAt,
    url: "https://hooks.example.com/h/bin1",
  };
}

const verify = (req: SignedRequest, secret: string, previous?: string) =>
  verifySignature(req, {
    scheme: linear,
    secrets: [
      { label: "current", value: secret },
      ...(previous ? [{ label: "previous" as const, value: previous }] : []),
    ],
  });

function flipByte(body: string, index: number): Buffer {
  const bytes = Buffer.from(body, "utf8");
  bytes.writeUInt8(bytes.readUInt8(index) ^ 0x01, index);
  return bytes;
}

/** @linear/sdk as an oracle; it reads the wall clock, so the clock is set to the receive time. */
function sdkAccepts(body: string | Buffer, signature: string, secret: string, now: Date): boolean {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
  try {
    return new LinearWebhookClient(secret).verify(Buffer.from(body), signature);
  } catch {
    return false;
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => vi.useRealTimers());

describe("linear", () => {
  it("accepts what @linear/sdk accepts", () => {
    expect(sdkAccepts(BODY, SIGNATURE, SECRET, atMs(TS_MS + 400))).toBe(true);
    const verdict = verify(request(SIGNATURE), SECRET);
    expect(verdict.verdict).toBe("valid");
    expect(verdict.details?.timestamp).toBe(TS_MS / 1000);
  });

  it("computes the LN-1 vector over the raw body", () => {
    const req = request(LN1.signature, LN1.body);
    const parsed = { received: [LN1.signature], source: "Linear-Signature" };
    expect(linear.check(req, parsed, "test_secret")).toMatchObject({
      matches: true,
      expected: LN1.signature,
    });
  });

  it("reports a body without webhookTimestamp (LN-1) as missing its timestamp, as @linear/sdk refuses it", () => {
    expect(sdkAccepts(LN1.body, LN1.signature, "test_secret", atMs(TS_MS))).toBe(false);
    const verdict = verify(request(LN1.signature, LN1.body), "test_secret");
    expect(verdict.verdict).toBe("missing");
    expect(verdict.reason).toContain("webhookTimestamp");
  });

  it("rejects a body with one byte changed, as @linear/sdk does", () => {
    const body = flipByte(BODY, 12);
    expect(sdkAccepts(body, SIGNATURE, SECRET, atMs(TS_MS))).toBe(false);
    expect(verify(request(SIGNATURE, body), SECRET).verdict).toBe("invalid");
  });

  it("rejects the wrong secret", () => {
    expect(sdkAccepts(BODY, SIGNATURE, "other", atMs(TS_MS))).toBe(false);
    expect(verify(request(SIGNATURE), "other").verdict).toBe("invalid");
  });

  it("reports a missing header", () => {
    const verdict = verify(request(null), SECRET);
    expect(verdict.verdict).toBe("missing");
    expect(verdict.reason).toContain("Linear-Signature");
  });

  it.each([
    ["with a sha256= prefix", `sha256=${SIGNATURE}`],
    ["in base64", Buffer.from(SIGNATURE, "hex").toString("base64")],
  ])("reports a signature %s as invalid", (_name, signature) => {
    const verdict = verify(request(signature), SECRET);
    expect(verdict.verdict).toBe("invalid");
    expect(verdict.reason).toContain("Linear-Signature");
  });

  it("reports a webhookTimestamp that is not a number as invalid", () => {
    const body = BODY.replace(String(TS_MS), `"${TS_MS}"`);
    const signature = createHmac("sha256", SECRET).update(body).digest("hex");
    expect(verify(request(signature, body), SECRET).verdict).toBe("invalid");
  });

  it.each([
    ["61 s late", TS_MS + 61_000],
    ["an hour late", TS_MS + 3_600_000],
    ["61 s early (a future timestamp)", TS_MS - 61_000],
  ])("reports a right signature received %s as expired, which @linear/sdk refuses", (_name, receivedMs) => {
    expect(sdkAccepts(BODY, SIGNATURE, SECRET, atMs(receivedMs))).toBe(false);
    expect(verify(request(SIGNATURE, BODY, atMs(receivedMs)), SECRET).verdict).toBe("expired");
  });

  it("accepts 60 s either way, as @linear/sdk does", () => {
    for (const receivedMs of [TS_MS + 60_000, TS_MS - 60_000]) {
      expect(sdkAccepts(BODY, SIGNATURE, SECRET, atMs(receivedMs))).toBe(true);
      expect(verify(request(SIGNATURE, BODY, atMs(receivedMs)), SECRET).verdict).toBe("valid");
    }
  });

  it("names the previous secret when that is the one that matches", () => {
    const verdict = verify(request(SIGNATURE), "new_secret", SECRET);
    expect(verdict.verdict).toBe("valid");
    expect(verdict.details?.matchedSecret).toBe("previous");
  });
});
