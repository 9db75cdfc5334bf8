import { describe, expect, it } from "vitest";
import type { SignedRequest } from "../types";
import { verifySignature } from "../verify";
import { intercom } from "./intercom";

// IC-1 (spec §4.2, derived from Intercom's documented algorithm; intercom-client has no verifier).
const SECRET = "test_secret";
const BODY = '{"hello":"world"}';
const SIGNATURE = "sha1=3cf4f6de54c71fe21f03b5918c4b48bb83e3897a";

function request(headers: [string, string][], body: string | Buffer = BODY): SignedRequest {
  return {
    method: "POST",
    path: "/h/bin1",
    query: "",
    headers: [["Content-Type", "application/json"], ...headers],
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"),
    receivedAt: new Date("2024-01-01T00:00:00Z"),
    url: "https://hooks.example.com/h/bin1",
  };
}

const signed = (signature = SIGNATURE, body: string | Buffer = BODY) =>
  request([["X-Hub-Signature", signature]], body);

const verify = (req: SignedRequest, secret: string, previous?: string) =>
  verifySignature(req, {
    scheme: intercom,
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

describe("intercom", () => {
  it("accepts the IC-1 vector, upper-case hex included", () => {
    expect(verify(signed(), SECRET).verdict).toBe("valid");
    expect(verify(signed(`sha1=${SIGNATURE.slice(5).toUpperCase()}`), SECRET).verdict).toBe("valid");
  });

  it("rejects a body with one byte changed", () => {
    expect(verify(signed(SIGNATURE, flipByte(BODY, 2)), SECRET).verdict).toBe("invalid");
  });

  it("rejects the wrong secret", () => {
    expect(verify(signed(), "other_secret").verdict).toBe("invalid");
  });

  it("reports a missing header", () => {
    const verdict = verify(request([]), SECRET);
    expect(verdict.verdict).toBe("missing");
    expect(verdict.reason).toContain("X-Hub-Signature");
  });

  it.each([
    ["bare hex", SIGNATURE.slice(5), ""],
    ["a short digest", SIGNATURE.slice(0, 20), ""],
    ["Bitbucket's sha256=", `sha256=${"ab".repeat(32)}`, "Bitbucket"],
  ])("reports %s as invalid", (_name, signature, hint) => {
    const verdict = verify(signed(signature), SECRET);
    expect(verdict.verdict).toBe("invalid");
    expect(verdict.reason).toContain("X-Hub-Signature");
    expect(verdict.reason).toContain(hint);
  });

  it("signs no timestamp", () => {
    expect(intercom.toleranceSeconds).toBeUndefined();
  });

  it("names the previous secret when that is the one that matches", () => {
    const verdict = verify(signed(), "new_secret", SECRET);
    expect(verdict.verdict).toBe("valid");
    expect(verdict.details?.matchedSecret).toBe("previous");
  });

  it.each([
    ["an Intercom delivery", [["X-Hub-Signature", SIGNATURE]], true],
    [
      "a GitHub delivery",
      [
        ["X-GitHub-Event", "push"],
        ["X-Hub-Signature", SIGNATURE],
        ["X-Hub-Signature-256", `sha256=${"ab".repeat(32)}`],
      ],
      false,
    ],
    [
      "a GitHub delivery with only the legacy header",
      [
        ["X-GitHub-Event", "push"],
        ["X-Hub-Signature", SIGNATURE],
      ],
      false,
    ],
    [
      "a Bitbucket delivery",
      [
        ["X-Event-Key", "repo:push"],
        ["X-Hub-Signature", `sha256=${"ab".repeat(32)}`],
      ],
      false,
    ],
    ["no signature", [], false],
  ] as [string, [string, string][], boolean][])("detects %s: %s", (_name, headers, expected) => {
    expect(intercom.detect(request(headers))).toBe(expected);
  });
});
