import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { HeaderPair } from "../../requests/types";
import type { SignedRequest } from "../types";
import { verifySignature } from "../verify";
import { standardWebhooksPublicKeyProblem, standardWebhooksV1a } from "./standard-webhooks-v1a";

// The RFC 8032 §7.1 TEST 1 key pair (ED-0 in signatures.md §4.1), as whsk_/whpk_ keys.
const RFC8032_PRIVATE = createPrivateKey({
  key: Buffer.from(
    "302e020100300506032b6570042204209d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
    "hex",
  ),
  format: "der",
  type: "pkcs8",
});
const RFC8032_PUBLIC = `whpk_${Buffer.from("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "hex").toString("base64")}`;

const MESSAGE_ID = "msg_2fJXN8AQM9LWM0D4loKWxJek";
const TIMESTAMP = 1_714_564_800;
const BODY = '{"type":"invoice.paid","data":{"id":"in_1"}}';
const RECEIVED = new Date((TIMESTAMP + 2) * 1000);

function keyPair(): { privateKey: KeyObject; whpk: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(-32);
  return { privateKey, whpk: `whpk_${raw.toString("base64")}` };
}

function v1a(privateKey: KeyObject, body = BODY, timestamp = TIMESTAMP, id = MESSAGE_ID): string {
  return `v1a,${sign(null, Buffer.from(`${id}.${timestamp}.${body}`, "utf8"), privateKey).toString("base64")}`;
}

function request(
  signature: string | undefined,
  { body = BODY, timestamp = String(TIMESTAMP), receivedAt = RECEIVED } = {},
) {
  const headers: HeaderPair[] = [
    ["webhook-id", MESSAGE_ID],
    ["webhook-timestamp", timestamp],
  ];
  if (signature !== undefined) headers.push(["webhook-signature", signature]);
  const signed: SignedRequest = {
    method: "POST",
    path: "/b/sw",
    query: "",
    headers,
    body: Buffer.from(body, "utf8"),
    receivedAt,
    url: "https://hookscope.example.com/b/sw",
  };
  return signed;
}

const check = (req: SignedRequest, ...values: string[]) =>
  verifySignature(req, {
    scheme: standardWebhooksV1a,
    secrets: values.map((value, index) => ({ label: index === 0 ? "current" : "previous", value })),
  });

describe("standard webhooks v1a", () => {
  it("verifies a request signed with the RFC 8032 key pair", () => {
    const signature = v1a(RFC8032_PRIVATE);
    // Ed25519 is deterministic, so this header is stable.
    expect(signature).toBe(v1a(RFC8032_PRIVATE));
    const result = check(request(signature), RFC8032_PUBLIC);
    expect(result.verdict).toBe("valid");
    expect(result.details?.expected).toBeUndefined();
    expect(result.details?.signedContent).toBe(`${MESSAGE_ID}.${TIMESTAMP}.${BODY}`);
  });

  it("accepts any matching entry of a space-separated list, and a key without its prefix", () => {
    const { privateKey, whpk } = keyPair();
    const list = `v1a,${Buffer.alloc(64).toString("base64")} v2,abc ${v1a(privateKey)}`;
    expect(check(request(list), whpk).verdict).toBe("valid");
    expect(check(request(list), whpk.slice("whpk_".length)).verdict).toBe("valid");
  });

  it("is detected only when v1a entries come without a symmetric v1 one", () => {
    const signature = v1a(RFC8032_PRIVATE);
    expect(standardWebhooksV1a.detect(request(signature))).toBe(true);
    expect(
      standardWebhooksV1a.detect(request(`v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= ${signature}`)),
    ).toBe(false);
    expect(standardWebhooksV1a.detect(request("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="))).toBe(
      false,
    );
    expect(standardWebhooksV1a.detect(request(undefined))).toBe(false);
  });

  it("rejects a body with one byte changed", () => {
    expect(
      check(request(v1a(RFC8032_PRIVATE), { body: BODY.replace("in_1", "in_2") }), RFC8032_PUBLIC).verdict,
    ).toBe("invalid");
  });

  it("rejects another sender's key", () => {
    expect(check(request(v1a(RFC8032_PRIVATE)), keyPair().whpk).verdict).toBe("invalid");
  });

  it("treats a malformed key as no match without throwing, and says what the key should be", () => {
    const signature = request(v1a(RFC8032_PRIVATE));
    for (const key of [
      "whpk_not base64",
      "whpk_AAAA",
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      "whsk_AAAA",
    ]) {
      expect(check(signature, key).verdict).toBe("invalid");
      expect(standardWebhooksPublicKeyProblem(key)).toContain("whpk_");
    }
    expect(standardWebhooksPublicKeyProblem(RFC8032_PUBLIC)).toBeNull();
  });

  it("reads missing headers as missing", () => {
    expect(check(request(undefined), RFC8032_PUBLIC).verdict).toBe("missing");
    const noTimestamp = request(v1a(RFC8032_PRIVATE), { timestamp: "" });
    expect(check(noTimestamp, RFC8032_PUBLIC).verdict).toBe("missing");
  });

  it("reads a header without a v1a entry, or with a garbled one, as invalid", () => {
    const symmetricOnly = check(request("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="), RFC8032_PUBLIC);
    expect(symmetricOnly.verdict).toBe("invalid");
    expect(symmetricOnly.reason).toContain("v1a");
    expect(check(request("v1a,%%%not-base64%%%"), RFC8032_PUBLIC).verdict).toBe("invalid");
  });

  it("reads a right signature outside 5 minutes of receivedAt as expired, past or future", () => {
    const signature = v1a(RFC8032_PRIVATE);
    const at = (seconds: number) => ({ receivedAt: new Date((TIMESTAMP + seconds) * 1000) });
    expect(check(request(signature, at(-299)), RFC8032_PUBLIC).verdict).toBe("valid");
    expect(check(request(signature, at(301)), RFC8032_PUBLIC).verdict).toBe("expired");
    expect(check(request(signature, at(-301)), RFC8032_PUBLIC).verdict).toBe("expired");
  });

  it("matches the previous key during a rotation", () => {
    const result = check(request(v1a(RFC8032_PRIVATE)), keyPair().whpk, RFC8032_PUBLIC);
    expect(result.verdict).toBe("valid");
    expect(result.details?.matchedSecret).toBe("previous");
  });
});
