import { WebhooksHelper } from "square";
import { describe, expect, it } from "vitest";
import type { SignedRequest } from "../types";
import { verifySignature } from "../verify";
import { square } from "./square";

// SQ-1..3: square-nodejs-sdk tests/integration/webhooks.test.ts (spec §4.1).
const SQ1 = {
  id: "SQ-1",
  key: "Ibxx_5AKakO-3qeNVR61Dw",
  url: "https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9",
  body: '{"merchant_id":"MLEFBHHSJGVHD","type":"webhooks.test_notification","event_id":"ac3ac95b-f97d-458c-a6e6-18981597e05f","created_at":"2022-07-13T20:30:59.037339943Z","data":{"type":"webhooks","id":"bc368e64-01aa-407e-b46e-3231809b1129"}}',
  signature: "GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=",
};
const VECTORS = [
  SQ1,
  {
    id: "SQ-2",
    key: "signature-key",
    url: "https://webhook.site/webhooks",
    body: '{"data":{"type":"webhooks","id":"fake_id"}}',
    signature: "W3FlCNk5IA3ZQ2LHTWoajvzfaDu/OwY2tNHIHC3IUOA=",
  },
  {
    id: "SQ-3",
    key: "signature-key",
    url: "https://webhook.site/webhooks",
    body: '{"data":{"type":"webhooks","id":">id<"}}',
    signature: "Cxt7+aTi4rKgcA0bC4g9EHdVtLSDWdqccmL5MvihU4U=",
  },
];

function request(headers: [string, string][], body: string | Buffer, url = SQ1.url): SignedRequest {
  const parsed = new URL(url);
  return {
    method: "POST",
    path: parsed.pathname,
    query: parsed.search.slice(1),
    headers,
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"),
    receivedAt: new Date("2022-07-13T20:31:00Z"),
    url,
  };
}

const signed = (signature: string, body: string | Buffer = SQ1.body, url = SQ1.url) =>
  request([["x-square-hmacsha256-signature", signature]], body, url);

const verify = (req: SignedRequest, key: string, previous?: string) =>
  verifySignature(req, {
    scheme: square,
    secrets: [
      { label: "current", value: key },
      ...(previous ? [{ label: "previous" as const, value: previous }] : []),
    ],
  });

function flipByte(body: string, index: number): Buffer {
  const bytes = Buffer.from(body, "utf8");
  bytes.writeUInt8(bytes.readUInt8(index) ^ 0x01, index);
  return bytes;
}

const sdkAccepts = (body: string | Buffer, signature: string, key: string, url: string) =>
  WebhooksHelper.verifySignature({
    requestBody: body.toString(),
    signatureHeader: signature,
    signatureKey: key,
    notificationUrl: url,
  });

describe("square", () => {
  it.each(VECTORS)("accepts the published vector $id, as the Square SDK does", async (vector) => {
    expect(await sdkAccepts(vector.body, vector.signature, vector.key, vector.url)).toBe(true);
    const verdict = verify(signed(vector.signature, vector.body, vector.url), vector.key);
    expect(verdict.verdict).toBe("valid");
    expect(verdict.details?.signedContent?.startsWith(vector.url)).toBe(true);
  });

  it("rejects a body with one byte changed, as the Square SDK does", async () => {
    const body = flipByte(SQ1.body, 20);
    expect(await sdkAccepts(body, SQ1.signature, SQ1.key, SQ1.url)).toBe(false);
    expect(verify(signed(SQ1.signature, body), SQ1.key).verdict).toBe("invalid");
  });

  it("rejects the wrong key", async () => {
    expect(await sdkAccepts(SQ1.body, SQ1.signature, "other-key", SQ1.url)).toBe(false);
    expect(verify(signed(SQ1.signature), "other-key").verdict).toBe("invalid");
  });

  it("rejects a request received on another URL (a proxy or rewrite in between)", async () => {
    const url = `${SQ1.url}/`;
    expect(await sdkAccepts(SQ1.body, SQ1.signature, SQ1.key, url)).toBe(false);
    expect(verify(signed(SQ1.signature, SQ1.body, url), SQ1.key).verdict).toBe("invalid");
  });

  it("reports a missing header, and names a legacy SHA-1 one when that is all there is", () => {
    const none = verify(request([], SQ1.body), SQ1.key);
    expect(none.verdict).toBe("missing");
    expect(none.reason).toContain("x-square-hmacsha256-signature");
    const legacy = verify(request([["x-square-signature", "abc="]], SQ1.body), SQ1.key);
    expect(legacy.verdict).toBe("missing");
    expect(legacy.reason).toContain("legacy x-square-signature");
  });

  it("reports a header that is not base64 as invalid", () => {
    const verdict = verify(signed("sha256=not base64!"), SQ1.key);
    expect(verdict.verdict).toBe("invalid");
    expect(verdict.reason).toBe("x-square-hmacsha256-signature is not a base64 digest.");
  });

  it("names the previous key when that is the one that matches", () => {
    const verdict = verify(signed(SQ1.signature), "new-key", SQ1.key);
    expect(verdict.verdict).toBe("valid");
    expect(verdict.details?.matchedSecret).toBe("previous");
  });

  it("signs no timestamp, so an old delivery stays valid", () => {
    expect(square.toleranceSeconds).toBeUndefined();
    const old = { ...signed(SQ1.signature), receivedAt: new Date("2030-01-01T00:00:00Z") };
    expect(verify(old, SQ1.key).verdict).toBe("valid");
  });
});
