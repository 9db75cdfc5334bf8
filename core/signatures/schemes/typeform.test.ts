import { describe, expect, it } from "vitest";
import type { SignedRequest } from "../types";
import { verifySignature } from "../verify";
import { typeform } from "./typeform";

// TF-1 (spec §4.2, derived from Typeform's documented algorithm; @typeform/api-client has no verifier).
const SECRET = "test_secret";
const BODY = '{"hello":"world"}';
const SIGNATURE = "sha256=t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM=";

function request(signature: string | null, body: string | Buffer = BODY): SignedRequest {
  return {
    method: "POST",
    path: "/h/bin1",
    query: "",
    headers: [
      ["Content-Type", "application/json"],
      ...(signature === null ? [] : [["Typeform-Signature", signature] as [string, string]]),
    ],
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"),
    receivedAt: new Date("2024-01-01T00:00:00Z"),
    url: "https://hooks.example.com/h/bin1",
  };
}

const verify = (req: SignedRequest, secret: string, previous?: string) =>
  verifySignature(req, {
    scheme: typeform,
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

describe("typeform", () => {
  it("accepts the TF-1 vector", () => {
    const verdict = verify(request(SIGNATURE), SECRET);
    expect(verdict.verdict).toBe("valid");
    expect(verdict.details?.expected).toBe(SIGNATURE.slice("sha256=".length));
  });

  it("rejects a body with one byte changed", () => {
    expect(verify(request(SIGNATURE, flipByte(BODY, 2)), SECRET).verdict).toBe("invalid");
  });

  it("rejects the wrong secret", () => {
    expect(verify(request(SIGNATURE), "other_secret").verdict).toBe("invalid");
  });

  it("rejects the same digest in hex, the GitHub habit Typeform does not follow", () => {
    const hex = `sha256=${Buffer.from(SIGNATURE.slice(7), "base64").toString("hex")}`;
    expect(verify(request(hex), SECRET).verdict).toBe("invalid");
  });

  it("reports a missing header", () => {
    const verdict = verify(request(null), SECRET);
    expect(verdict.verdict).toBe("missing");
    expect(verdict.reason).toContain("Typeform-Signature");
  });

  it.each([
    ["without the sha256= prefix", SIGNATURE.slice(7)],
    ["with another algorithm", SIGNATURE.replace("sha256=", "sha1=")],
    ["with characters outside base64", "sha256=not-base64!"],
  ])("reports a header %s as invalid", (_name, signature) => {
    const verdict = verify(request(signature), SECRET);
    expect(verdict.verdict).toBe("invalid");
    expect(verdict.reason).toContain("Typeform-Signature");
  });

  it("signs no timestamp", () => {
    expect(typeform.toleranceSeconds).toBeUndefined();
  });

  it("names the previous secret when that is the one that matches", () => {
    const verdict = verify(request(SIGNATURE), "new_secret", SECRET);
    expect(verdict.verdict).toBe("valid");
    expect(verdict.details?.matchedSecret).toBe("previous");
  });

  it("is detected by Typeform-Signature", () => {
    expect(typeform.detect(request(SIGNATURE))).toBe(true);
    expect(typeform.detect(request(null))).toBe(false);
  });
});
