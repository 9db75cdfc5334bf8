import { Signature } from "@hubspot/api-client";
import { describe, expect, it } from "vitest";
import type { HeaderPair } from "../../requests/types";
import type { SignedRequest } from "../types";
import { verifySignature } from "../verify";
import { hubspot, hubspotUri } from "./hubspot";

// HS-1 (published, hubspot-api-python test_get_signature__v3; signatures.md §4.1).
const HS1 = {
  secret: "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy",
  url: "https://www.example.com/webhook_uri",
  body: "{'example_field':'example_value'}",
  timestamp: 15000000,
  signature: "HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw=",
};
const SECRET = "client-secret-0000";
const ENDPOINT = "https://hookscope.example.com/b/hubspot";
const BODY = '[{"eventId":1,"subscriptionType":"contact.creation"}]';
const NOW = Date.now();

interface Shape {
  signature?: string;
  timestamp?: string;
  body?: string;
  url?: string;
  method?: string;
  receivedAt?: number;
  extra?: HeaderPair[];
}

function request({
  signature,
  timestamp,
  body = BODY,
  url = ENDPOINT,
  method = "POST",
  receivedAt = NOW,
  extra = [],
}: Shape) {
  const headers: HeaderPair[] = [["Content-Type", "application/json"], ...extra];
  if (signature !== undefined) headers.push(["X-HubSpot-Signature-v3", signature]);
  if (timestamp !== undefined) headers.push(["X-HubSpot-Request-Timestamp", timestamp]);
  const parsed = new URL(url);
  const signed: SignedRequest = {
    method,
    path: parsed.pathname,
    query: parsed.search.slice(1),
    headers,
    body: Buffer.from(body, "utf8"),
    receivedAt: new Date(receivedAt),
    url,
  };
  return signed;
}

/** Signs with the official SDK, the oracle for what HubSpot sends. */
function sign({ secret = SECRET, method = "POST", url = ENDPOINT, body = BODY, timestamp = NOW }) {
  return Signature.getSignature(method, "v3", {
    signature: "",
    clientSecret: secret,
    requestBody: body,
    url,
    timestamp,
  });
}

function signedRequest(shape: Shape & { signedAt?: number; secret?: string } = {}) {
  const timestamp = shape.signedAt ?? NOW;
  const signature = sign({
    secret: shape.secret,
    method: shape.method,
    url: shape.url,
    body: shape.body,
    timestamp,
  });
  return request({ ...shape, signature, timestamp: String(timestamp) });
}

const check = (req: SignedRequest, ...values: string[]) =>
  verifySignature(req, {
    scheme: hubspot,
    secrets: values.map((value, index) => ({ label: index === 0 ? "current" : "previous", value })),
  });

describe("hubspot", () => {
  it("verifies the HS-1 vector", () => {
    const req = request({
      signature: HS1.signature,
      timestamp: String(HS1.timestamp),
      body: HS1.body,
      url: HS1.url,
      receivedAt: HS1.timestamp + 1000,
    });
    const result = check(req, HS1.secret);
    expect(result.verdict).toBe("valid");
    expect(result.details?.expected).toBe(HS1.signature);
    expect(result.details?.timestamp).toBe(15000);
  });

  it("agrees with the SDK's isValid on a fresh request", () => {
    const req = signedRequest();
    const signature = req.headers.find(([name]) => name === "X-HubSpot-Signature-v3")?.[1] ?? "";
    const official = Signature.isValid({
      signatureVersion: "v3",
      signature,
      clientSecret: SECRET,
      requestBody: BODY,
      url: ENDPOINT,
      method: "POST",
      timestamp: NOW,
    });
    expect(official).toBe(true);
    expect(check(req, SECRET).verdict).toBe("valid");
  });

  it("detects only the v3 header", () => {
    expect(hubspot.detect(signedRequest())).toBe(true);
    expect(hubspot.detect(request({ extra: [["X-HubSpot-Signature", "abc"]] }))).toBe(false);
  });

  it("signs method and URL: a GET with an empty body, and another URL", () => {
    expect(check(signedRequest({ method: "GET", body: "" }), SECRET).verdict).toBe("valid");
    const moved = { ...signedRequest(), url: "https://hookscope.example.com/b/other" };
    expect(check(moved, SECRET).verdict).toBe("invalid");
  });

  it("decodes the escapes HubSpot decodes, and also accepts the URL signed verbatim", () => {
    const url = "https://hookscope.example.com/b/hubspot?return=https%3A%2F%2Fapp.test%2Fcb%3Fa%3D1&x=%20y";
    expect(hubspotUri(url)).toBe(
      "https://hookscope.example.com/b/hubspot?return=https://app.test/cb?a%3D1&x=%20y",
    );
    const decoded = request({
      url,
      signature: sign({ url: hubspotUri(url) }),
      timestamp: String(NOW),
    });
    expect(check(decoded, SECRET).verdict).toBe("valid");
    const verbatim = request({ url, signature: sign({ url }), timestamp: String(NOW) });
    expect(check(verbatim, SECRET).verdict).toBe("valid");
  });

  it("rejects a body with one byte changed", () => {
    const req = signedRequest();
    const tampered = { ...req, body: Buffer.from(BODY.replace("1", "2"), "utf8") };
    expect(check(tampered, SECRET).verdict).toBe("invalid");
  });

  it("rejects a wrong secret", () => {
    expect(check(signedRequest(), "another-secret").verdict).toBe("invalid");
  });

  it("reads missing headers as missing, naming the legacy header when only it is sent", () => {
    expect(check(request({}), SECRET).verdict).toBe("missing");
    const legacy = check(request({ extra: [["X-HubSpot-Signature", "abc"]] }), SECRET);
    expect(legacy.verdict).toBe("missing");
    expect(legacy.reason).toContain("v3");
    expect(check(request({ signature: sign({}) }), SECRET).verdict).toBe("missing");
  });

  it("reads an unparsable signature or timestamp as invalid", () => {
    expect(check(request({ signature: "not base64!", timestamp: String(NOW) }), SECRET).verdict).toBe(
      "invalid",
    );
    expect(check(request({ signature: sign({}), timestamp: "2024-05-01" }), SECRET).verdict).toBe("invalid");
  });

  it("reads the timestamp in milliseconds and expires it after 5 minutes either way", () => {
    expect(check(signedRequest({ signedAt: NOW - 299_000 }), SECRET).verdict).toBe("valid");
    const old = check(signedRequest({ signedAt: NOW - 301_000 }), SECRET);
    expect(old.verdict).toBe("expired");
    expect(old.details?.timestamp).toBe((NOW - 301_000) / 1000);
    expect(check(signedRequest({ signedAt: NOW + 3_600_000 }), SECRET).verdict).toBe("expired");
  });

  it("measures the window against receivedAt, not the clock", () => {
    const signedAt = Date.parse("2021-03-04T05:06:07Z");
    expect(check(signedRequest({ signedAt, receivedAt: signedAt + 10_000 }), SECRET).verdict).toBe("valid");
  });

  it("matches the previous secret during a rotation", () => {
    const result = check(signedRequest(), "rotated-secret", SECRET);
    expect(result.verdict).toBe("valid");
    expect(result.details?.matchedSecret).toBe("previous");
  });
});
