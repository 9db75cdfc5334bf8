import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { verifyKey } from "discord-interactions";
import { describe, expect, it } from "vitest";
import type { HeaderPair } from "../../requests/types";
import type { SignedRequest } from "../types";
import { verifySignature } from "../verify";
import { discord, discordKeyProblem, ed25519PublicKey, ed25519Verify } from "./discord";

// DC-1 (derived from the RFC 8032 TEST 1 key pair, signatures.md §4.2).
const DC1 = {
  publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
  timestamp: "1700000000",
  body: '{"type":1}',
  signature:
    "1695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f",
};

function keyPair(): { privateKey: KeyObject; publicHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  // The raw key is the last 32 bytes of the SPKI encoding.
  const publicHex = publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
  return { privateKey, publicHex };
}

function request(headers: HeaderPair[], body: string, receivedAt: Date): SignedRequest {
  return {
    method: "POST",
    path: "/b/discord",
    query: "",
    headers,
    body: Buffer.from(body, "utf8"),
    receivedAt,
    url: "https://hookscope.example.com/b/discord",
  };
}

function discordHeaders(signature: string, timestamp: string): HeaderPair[] {
  return [
    ["X-Signature-Ed25519", signature],
    ["X-Signature-Timestamp", timestamp],
  ];
}

const dc1 = (receivedAt = new Date(1_700_000_003_000), body = DC1.body) =>
  request(discordHeaders(DC1.signature, DC1.timestamp), body, receivedAt);

function fresh(privateKey: KeyObject, body = '{"type":2,"data":{"name":"ping"}}', signedAt = 1_714_564_800) {
  const timestamp = String(signedAt);
  const signature = sign(null, Buffer.from(timestamp + body, "utf8"), privateKey).toString("hex");
  return {
    body,
    timestamp,
    signature,
    req: request(discordHeaders(signature, timestamp), body, new Date(1_714_564_801_000)),
  };
}

const check = (req: SignedRequest, ...values: string[]) =>
  verifySignature(req, {
    scheme: discord,
    secrets: values.map((value, index) => ({ label: index === 0 ? "current" : "previous", value })),
  });

describe("discord", () => {
  it("verifies the RFC 8032 TEST 1 signature of the empty message (ED-0)", () => {
    const key = ed25519PublicKey(Buffer.from(DC1.publicKey, "hex"));
    if (!key) throw new Error("the RFC 8032 key did not import");
    const signature = Buffer.from(
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
      "hex",
    );
    expect(ed25519Verify(key, Buffer.alloc(0), signature)).toBe(true);
    expect(ed25519Verify(key, Buffer.from("x"), signature)).toBe(false);
    expect(ed25519Verify(key, Buffer.alloc(0), signature.subarray(1))).toBe(false);
  });

  it("verifies the DC-1 vector, which discord-interactions also accepts", async () => {
    expect(await verifyKey(DC1.body, DC1.signature, DC1.timestamp, DC1.publicKey)).toBe(true);
    const result = check(dc1(), DC1.publicKey);
    expect(result.verdict).toBe("valid");
    expect(result.details?.expected).toBeUndefined();
    expect(result.details?.signedContent).toBe(DC1.timestamp + DC1.body);
  });

  it("verifies a freshly signed request, in agreement with discord-interactions", async () => {
    const { privateKey, publicHex } = keyPair();
    const { body, timestamp, signature, req } = fresh(privateKey);
    expect(await verifyKey(body, signature, timestamp, publicHex)).toBe(true);
    expect(check(req, publicHex).verdict).toBe("valid");
    expect(check(req, publicHex.toUpperCase()).verdict).toBe("valid");
  });

  it("detects the Ed25519 header", () => {
    expect(discord.detect(dc1())).toBe(true);
    expect(discord.detect(request([["X-Signature-Timestamp", "1"]], "", new Date()))).toBe(false);
  });

  it("rejects a body with one byte changed, as discord-interactions does", async () => {
    const body = '{"type":2}';
    expect(await verifyKey(body, DC1.signature, DC1.timestamp, DC1.publicKey)).toBe(false);
    expect(check(dc1(undefined, body), DC1.publicKey).verdict).toBe("invalid");
  });

  it("rejects another application's key", () => {
    expect(check(dc1(), keyPair().publicHex).verdict).toBe("invalid");
  });

  it("treats a malformed key as no match without throwing, and says what the key should be", () => {
    for (const key of [
      "not-a-key",
      DC1.publicKey.slice(2),
      `0x${DC1.publicKey}`,
      "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
    ]) {
      expect(check(dc1(), key).verdict).toBe("invalid");
      expect(discordKeyProblem(key)).toContain("64 hex characters");
    }
    expect(discordKeyProblem(DC1.publicKey)).toBeNull();
  });

  it("reads missing headers as missing", () => {
    expect(check(request([], DC1.body, new Date()), DC1.publicKey).verdict).toBe("missing");
    const onlySignature = request([["X-Signature-Ed25519", DC1.signature]], DC1.body, new Date());
    expect(check(onlySignature, DC1.publicKey).verdict).toBe("missing");
  });

  it("reads an unparsable signature or timestamp as invalid", () => {
    const at = new Date(1_700_000_000_000);
    expect(check(request(discordHeaders("abcd", DC1.timestamp), DC1.body, at), DC1.publicKey).verdict).toBe(
      "invalid",
    );
    const notHex = `${DC1.signature.slice(0, -1)}g`;
    expect(check(request(discordHeaders(notHex, DC1.timestamp), DC1.body, at), DC1.publicKey).verdict).toBe(
      "invalid",
    );
    const isoTime = request(discordHeaders(DC1.signature, "2023-11-14T22:13:20Z"), DC1.body, at);
    expect(check(isoTime, DC1.publicKey).verdict).toBe("invalid");
  });

  it("reads a right signature outside 5 minutes of receivedAt as expired, past or future", () => {
    expect(check(dc1(new Date(1_700_000_299_000)), DC1.publicKey).verdict).toBe("valid");
    expect(check(dc1(new Date(1_700_000_301_000)), DC1.publicKey).verdict).toBe("expired");
    expect(check(dc1(new Date(1_699_990_000_000)), DC1.publicKey).verdict).toBe("expired");
  });

  it("matches the previous key during a rotation", () => {
    const result = check(dc1(), keyPair().publicHex, DC1.publicKey);
    expect(result.verdict).toBe("valid");
    expect(result.details?.matchedSecret).toBe("previous");
  });
});
