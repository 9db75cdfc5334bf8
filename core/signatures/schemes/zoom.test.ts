import { describe, expect, it } from "vitest";
import type { SignedRequest } from "../types";
import { verifySignature } from "../verify";
import { zoom } from "./zoom";

// ZM-1 (spec §4.2, derived from Zoom's documented algorithm; no official Node signer or verifier exists).
const SECRET = "test_secret";
const TS = 1700000000;
const BODY = '{"hello":"world"}';
const SIGNATURE = "v0=3f9194a49468d3e83cf85860c062ae6b4a77012cabc1bda8af279244e5bdf3a5";

const at = (seconds: number) => new Date(seconds * 1000);

function request(
  headers: { signature?: string; timestamp?: string },
  body: string | Buffer = BODY,
  receivedAt = at(TS + 1),
): SignedRequest {
  const pairs: [string, string][] = [["Content-Type", "application/json"]];
  if (headers.signature !== undefined) pairs.push(["x-zm-signature", headers.signature]);
  if (headers.timestamp !== undefined) pairs.push(["x-zm-request-timestamp", headers.timestamp]);
  return {
    method: "POST",
    path: "/h/bin1",
    query: "",
    headers: pairs,
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"),
    receivedAt,
    url: "https://hooks.example.com/h/bin1",
  };
}

const good = { signature: SIGNATURE, timestamp: String(TS) };

const verify = (req: SignedRequest, secret: string, previous?: string) =>
  verifySignature(req, {
    scheme: zoom,
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

describe("zoom", () => {
  it("accepts the ZM-1 vector", () => {
    const verdict = verify(request(good), SECRET);
    expect(verdict.verdict).toBe("valid");
    expect(verdict.details?.signedContent).toBe(`v0:${TS}:${BODY}`);
  });

  it.each([
    ["one body byte changed", request(good, flipByte(BODY, 3))],
    ["another timestamp", request({ ...good, timestamp: String(TS + 1) })],
  ])("rejects %s", (_name, req) => {
    expect(verify(req, SECRET).verdict).toBe("invalid");
  });

  it("rejects the wrong secret", () => {
    expect(verify(request(good), "other_secret").verdict).toBe("invalid");
  });

  it.each([
    ["no signature header", { timestamp: String(TS) }, "x-zm-signature"],
    ["no timestamp header", { signature: SIGNATURE }, "x-zm-request-timestamp"],
    ["a non-numeric timestamp", { signature: SIGNATURE, timestamp: "now" }, "x-zm-request-timestamp"],
  ])("reports %s as missing", (_name, headers, named) => {
    const verdict = verify(request(headers), SECRET);
    expect(verdict.verdict).toBe("missing");
    expect(verdict.reason).toContain(named);
  });

  it.each([
    ["without v0=", SIGNATURE.slice(3)],
    ["with another version", SIGNATURE.replace("v0=", "v1=")],
    ["with non-hex", "v0=zzzz"],
  ])("reports a signature %s as invalid", (_name, signature) => {
    const verdict = verify(request({ ...good, signature }), SECRET);
    expect(verdict.verdict).toBe("invalid");
    expect(verdict.reason).toContain("x-zm-signature");
  });

  it.each([
    ["301 s late", TS + 301],
    ["a day late", TS + 86_400],
    ["10 min early (a future timestamp)", TS - 600],
  ])("reports a right signature received %s as expired", (_name, receivedSeconds) => {
    expect(verify(request(good, BODY, at(receivedSeconds)), SECRET).verdict).toBe("expired");
  });

  it("accepts a right signature 300 s late, at the edge of the window", () => {
    expect(verify(request(good, BODY, at(TS + 300)), SECRET).verdict).toBe("valid");
  });

  it("names the previous secret when that is the one that matches", () => {
    const verdict = verify(request(good), "new_secret", SECRET);
    expect(verdict.verdict).toBe("valid");
    expect(verdict.details?.matchedSecret).toBe("previous");
  });

  it("is detected by x-zm-signature", () => {
    expect(zoom.detect(request(good))).toBe(true);
    expect(zoom.detect(request({ timestamp: String(TS) }))).toBe(false);
  });
});
