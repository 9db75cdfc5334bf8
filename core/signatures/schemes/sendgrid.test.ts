import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { EventWebhook } from "@sendgrid/eventwebhook";
import { describe, expect, it } from "vitest";
import type { HeaderPair } from "../../requests/types";
import type { SignedRequest } from "../types";
import { verifySignature } from "../verify";
import { sendgrid, sendgridKeyProblem } from "./sendgrid";

// SG-1 (published, sendgrid-nodejs eventwebhook.spec.js; signatures.md §4.1).
const SG1 = {
  publicKey:
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==",
  signature:
    "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=",
  timestamp: "1600112502",
  body: '[{"email":"hello@world.com","event":"dropped","reason":"Bounced Address","sg_event_id":"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA","sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","smtp-id":"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>","timestamp":1600112492}]\r\n',
};
const SG1_RECEIVED = new Date(1_600_112_503_000);

const official = new EventWebhook();
const officialVerify = (publicKey: string, body: string, signature: string, timestamp: string) =>
  official.verifySignature(official.convertPublicKeyToECDSA(publicKey), body, signature, timestamp);

function keyPair(): { privateKey: KeyObject; publicBase64: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return { privateKey, publicBase64: publicKey.export({ format: "der", type: "spki" }).toString("base64") };
}

function request(headers: HeaderPair[], body: string, receivedAt = SG1_RECEIVED): SignedRequest {
  return {
    method: "POST",
    path: "/b/sendgrid",
    query: "",
    headers,
    body: Buffer.from(body, "utf8"),
    receivedAt,
    url: "https://hookscope.example.com/b/sendgrid",
  };
}

function sendgridHeaders(signature: string, timestamp: string): HeaderPair[] {
  return [
    ["X-Twilio-Email-Event-Webhook-Signature", signature],
    ["X-Twilio-Email-Event-Webhook-Timestamp", timestamp],
  ];
}

const sg1 = (receivedAt = SG1_RECEIVED, body = SG1.body) =>
  request(sendgridHeaders(SG1.signature, SG1.timestamp), body, receivedAt);

const check = (req: SignedRequest, ...values: string[]) =>
  verifySignature(req, {
    scheme: sendgrid,
    secrets: values.map((value, index) => ({ label: index === 0 ? "current" : "previous", value })),
  });

describe("sendgrid", () => {
  it("verifies the SG-1 vector, as the official library does", () => {
    expect(officialVerify(SG1.publicKey, SG1.body, SG1.signature, SG1.timestamp)).toBe(true);
    const result = check(sg1(), SG1.publicKey);
    expect(result.verdict).toBe("valid");
    expect(result.details?.expected).toBeUndefined();
    expect(result.details?.timestamp).toBe(1_600_112_502);
  });

  it("verifies a freshly signed request, in agreement with the official library", () => {
    const { privateKey, publicBase64 } = keyPair();
    const body = '[{"email":"a@b.test","event":"delivered","timestamp":1714564800}]\r\n';
    const timestamp = "1714564800";
    const signature = sign("sha256", Buffer.from(timestamp + body, "utf8"), privateKey).toString("base64");
    expect(officialVerify(publicBase64, body, signature, timestamp)).toBe(true);
    const req = request(sendgridHeaders(signature, timestamp), body, new Date(1_714_564_802_000));
    expect(check(req, publicBase64).verdict).toBe("valid");
    const pem = `-----BEGIN PUBLIC KEY-----\n${publicBase64}\n-----END PUBLIC KEY-----\n`;
    expect(check(req, pem).verdict).toBe("valid");
  });

  it("detects the signature header", () => {
    expect(sendgrid.detect(sg1())).toBe(true);
    expect(sendgrid.detect(request([["X-Twilio-Email-Event-Webhook-Timestamp", "1"]], ""))).toBe(false);
  });

  it("rejects the body without its trailing CRLF, as the official library does", () => {
    const body = SG1.body.slice(0, -2);
    expect(officialVerify(SG1.publicKey, body, SG1.signature, SG1.timestamp)).toBe(false);
    expect(check(sg1(undefined, body), SG1.publicKey).verdict).toBe("invalid");
  });

  it("rejects a body with one byte changed", () => {
    expect(check(sg1(undefined, SG1.body.replace("dropped", "droppee")), SG1.publicKey).verdict).toBe(
      "invalid",
    );
  });

  it("rejects another account's key", () => {
    expect(check(sg1(), keyPair().publicBase64).verdict).toBe("invalid");
  });

  it("treats a malformed or non-P-256 key as no match without throwing, and says what the key should be", () => {
    const ed25519 = generateKeyPairSync("ed25519")
      .publicKey.export({ format: "der", type: "spki" })
      .toString("base64");
    for (const key of ["not a key", "MFkwEwYHKoZIzj0CAQ==", SG1.publicKey.slice(0, 40), ed25519]) {
      expect(check(sg1(), key).verdict).toBe("invalid");
      expect(sendgridKeyProblem(key)).toContain("P-256");
    }
    expect(sendgridKeyProblem(SG1.publicKey)).toBeNull();
  });

  it("reads missing headers as missing", () => {
    expect(check(request([], SG1.body), SG1.publicKey).verdict).toBe("missing");
    const onlySignature = request([["X-Twilio-Email-Event-Webhook-Signature", SG1.signature]], SG1.body);
    expect(check(onlySignature, SG1.publicKey).verdict).toBe("missing");
  });

  it("reads an unparsable signature or timestamp as invalid", () => {
    expect(
      check(request(sendgridHeaders("not base64!", SG1.timestamp), SG1.body), SG1.publicKey).verdict,
    ).toBe("invalid");
    expect(check(request(sendgridHeaders("AAAA", SG1.timestamp), SG1.body), SG1.publicKey).verdict).toBe(
      "invalid",
    );
    expect(
      check(request(sendgridHeaders(SG1.signature, "1600112502.5"), SG1.body), SG1.publicKey).verdict,
    ).toBe("invalid");
  });

  it("reads a right signature outside 5 minutes of receivedAt as expired, past or future", () => {
    expect(check(sg1(new Date(1_600_112_802_000)), SG1.publicKey).verdict).toBe("valid");
    expect(check(sg1(new Date(1_600_112_803_000)), SG1.publicKey).verdict).toBe("expired");
    expect(check(sg1(new Date(1_600_000_000_000)), SG1.publicKey).verdict).toBe("expired");
  });

  it("matches the previous key during a rotation", () => {
    const result = check(sg1(), keyPair().publicBase64, SG1.publicKey);
    expect(result.verdict).toBe("valid");
    expect(result.details?.matchedSecret).toBe("previous");
  });
});
