import { describe, expect, it } from "vitest";
import type { SignedRequest } from "../types";
import { verifySignature } from "../verify";
import { mailgun } from "./mailgun";

// MG-1 (spec §4.2, derived from Mailgun's documented algorithm with its docs' example token; mailgun.js has no verifier).
const SECRET = "test_secret";
const TS = 1700000000;
const TOKEN = "e0b5477167110d68991efc6b9f89f0a11066af27834600e123";
const SIGNATURE = "7a5e7682940d2efa4543e6c4edada7590fa47cd5b1fb308eeb1ac772d18ca60c";

const jsonBody = (
  fields: Record<string, string | number> = { timestamp: String(TS), token: TOKEN, signature: SIGNATURE },
) =>
  JSON.stringify({ signature: fields, "event-data": { event: "delivered", id: "CPgfbmQMTCKtHW6uIWtuVe" } });
const formBody = `timestamp=${TS}&token=${TOKEN}&signature=${SIGNATURE}&event=delivered`;
const multipartBody = [
  ...Object.entries({
    timestamp: String(TS),
    token: TOKEN,
    signature: SIGNATURE,
    event: "delivered",
  }).flatMap(([name, value]) => ["--XyZ", `Content-Disposition: form-data; name="${name}"`, "", value]),
  "--XyZ--",
  "",
].join("\r\n");

const at = (seconds: number) => new Date(seconds * 1000);

function request(
  body: string | Buffer,
  contentType = "application/json",
  receivedAt = at(TS + 3),
): SignedRequest {
  return {
    method: "POST",
    path: "/h/bin1",
    query: "",
    headers: [["Content-Type", contentType]],
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"),
    receivedAt,
    url: "https://hooks.example.com/h/bin1",
  };
}

const verify = (req: SignedRequest, secret: string, previous?: string) =>
  verifySignature(req, {
    scheme: mailgun,
    secrets: [
      { label: "current", value: secret },
      ...(previous ? [{ label: "previous" as const, value: previous }] : []),
    ],
  });

function flipByteAt(body: string, marker: string): Buffer {
  const bytes = Buffer.from(body, "utf8");
  const index = bytes.indexOf(marker);
  bytes.writeUInt8(bytes.readUInt8(index) ^ 0x01, index);
  return bytes;
}

describe("mailgun", () => {
  it.each([
    ["a JSON webhook", request(jsonBody())],
    [
      "a JSON webhook with a numeric timestamp",
      request(jsonBody({ timestamp: TS, token: TOKEN, signature: SIGNATURE })),
    ],
    ["a form post", request(formBody, "application/x-www-form-urlencoded")],
    ["a multipart post", request(multipartBody, "multipart/form-data; boundary=XyZ")],
  ])("accepts the MG-1 vector in %s", (_name, req) => {
    expect(mailgun.detect(req)).toBe(true);
    const verdict = verify(req, SECRET);
    expect(verdict.verdict).toBe("valid");
    expect(verdict.details?.signedContent).toBe(`${TS}${TOKEN}`);
    expect(verdict.details?.timestamp).toBe(TS);
  });

  it("rejects a body with one byte of the token changed", () => {
    expect(verify(request(flipByteAt(jsonBody(), TOKEN)), SECRET).verdict).toBe("invalid");
  });

  it("does not notice a changed event-data byte, since Mailgun does not sign it", () => {
    expect(verify(request(flipByteAt(jsonBody(), "delivered")), SECRET).verdict).toBe("valid");
  });

  it("rejects the wrong signing key", () => {
    expect(verify(request(jsonBody()), "other_key").verdict).toBe("invalid");
  });

  it.each([
    ["no signature at all", request('{"event-data":{"event":"delivered"}}'), "signature"],
    ["a signature without its token", request(jsonBody({ timestamp: TS, signature: SIGNATURE })), "token"],
    [
      "a form post without its timestamp",
      request(`token=${TOKEN}&signature=${SIGNATURE}`, "application/x-www-form-urlencoded"),
      "timestamp",
    ],
  ])("reports %s as missing", (_name, req, named) => {
    const verdict = verify(req, SECRET);
    expect(verdict.verdict).toBe("missing");
    expect(verdict.reason).toContain(named);
  });

  it.each([
    [
      "a non-numeric timestamp",
      jsonBody({ timestamp: "yesterday", token: TOKEN, signature: SIGNATURE }),
      "timestamp",
    ],
    [
      "a signature that is not hex",
      jsonBody({ timestamp: TS, token: TOKEN, signature: "sha256=xyz" }),
      "not hex",
    ],
  ])("reports %s as invalid", (_name, body, named) => {
    const verdict = verify(request(body), SECRET);
    expect(verdict.verdict).toBe("invalid");
    expect(verdict.reason).toContain(named);
  });

  it.each([
    ["301 s late", TS + 301],
    ["a week late", TS + 7 * 86_400],
    ["10 min early (a future timestamp)", TS - 600],
  ])("reports a right signature received %s as expired", (_name, receivedSeconds) => {
    expect(verify(request(jsonBody(), "application/json", at(receivedSeconds)), SECRET).verdict).toBe(
      "expired",
    );
  });

  it("names the previous key when that is the one that matches", () => {
    const verdict = verify(request(jsonBody()), "new_key", SECRET);
    expect(verdict.verdict).toBe("valid");
    expect(verdict.details?.matchedSecret).toBe("previous");
  });

  it.each([
    ["a JSON body with another signature field", request('{"signature":"abc","data":1}'), false],
    ["a body that is not JSON", request("signature=abc", "text/plain"), false],
    ["an incomplete form", request(`signature=${SIGNATURE}`, "application/x-www-form-urlencoded"), false],
  ])("does not detect %s", (_name, req, expected) => {
    expect(mailgun.detect(req)).toBe(expected);
  });
});
