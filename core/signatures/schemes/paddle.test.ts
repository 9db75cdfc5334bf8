import { createHmac } from "node:crypto";
import { NodeRuntime, Webhooks } from "@paddle/paddle-node-sdk";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SignedRequest } from "../types";
import { verifySignature } from "../verify";
import { paddle } from "./paddle";

// PD-1 and PD-2: paddle-node-sdk's own webhooks-validator tests (spec §4.1), signed at 2023-11-01T00:00:00Z.
const TS = 1698796800;
const PD1 = {
  secret: "VALID_SECRET",
  body: '{"data": ["1", "2"]}',
  header: `ts=${TS};h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9`,
};
const PD2_H1 = "28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261";
const PD2 = {
  secret: "VALID_SECRET",
  body: '{"data": "value"}',
  header: `ts=${TS};h1=${PD2_H1};h1=${PD2_H1};h2=RANDOM_HASH`,
};

const at = (seconds: number) => new Date(seconds * 1000);

function request(signature: string | null, body: string | Buffer, receivedAt = at(TS + 2)): SignedRequest {
  return {
    method: "POST",
    path: "/h/bin1",
    query: "",
    headers: signature === null ? [] : [["Paddle-Signature", signature]],
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"),
    receivedAt,
    url: "https://hooks.example.com/h/bin1",
  };
}

const verify = (req: SignedRequest, secret: string, previous?: string) =>
  verifySignature(req, {
    scheme: paddle,
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

/** The Paddle SDK as an oracle; it reads the wall clock, so the clock is set to the receive time. */
async function sdkAccepts(
  body: string | Buffer,
  secret: string,
  signature: string,
  now: Date,
): Promise<boolean> {
  NodeRuntime.initialize();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
  try {
    return await new Webhooks().isSignatureValid(body.toString(), secret, signature);
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => vi.useRealTimers());

describe("paddle", () => {
  it.each([
    ["PD-1", PD1],
    ["PD-2 (several h1, an unknown h2)", PD2],
  ])("accepts the published vector %s", (_name, vector) => {
    const verdict = verify(request(vector.header, vector.body), vector.secret);
    expect(verdict.verdict).toBe("valid");
    expect(verdict.scheme).toBe("paddle");
    expect(verdict.details?.signedContent).toBe(`${TS}:${vector.body}`);
  });

  it("accepts a header the Paddle SDK accepts, and rejects what it rejects", async () => {
    const secret = "pdl_ntfset_01hexample_secret";
    const body = '{"event_id":"evt_01","event_type":"transaction.completed","data":{"id":"txn_01"}}';
    const ts = 1_750_000_000;
    const header = `ts=${ts};h1=${createHmac("sha256", secret).update(`${ts}:${body}`).digest("hex")}`;
    const receivedAt = at(ts + 1);
    expect(await sdkAccepts(body, secret, header, receivedAt)).toBe(true);
    expect(verify(request(header, body, receivedAt), secret).verdict).toBe("valid");
    expect(await sdkAccepts(flipByte(body, 3), secret, header, receivedAt)).toBe(false);
    expect(verify(request(header, flipByte(body, 3), receivedAt), secret).verdict).toBe("invalid");
  });

  it("accepts any h1 during a secret roll, not only the last one", () => {
    const wrong = "0".repeat(64);
    const header = `ts=${TS};h1=${PD2_H1};h1=${wrong}`;
    expect(verify(request(header, PD2.body), PD2.secret).verdict).toBe("valid");
  });

  it("rejects a body with one byte changed", () => {
    expect(verify(request(PD1.header, flipByte(PD1.body, 10)), PD1.secret).verdict).toBe("invalid");
  });

  it("rejects the wrong secret", async () => {
    expect(verify(request(PD1.header, PD1.body), "OTHER_SECRET").verdict).toBe("invalid");
    expect(await sdkAccepts(PD1.body, "OTHER_SECRET", PD1.header, at(TS + 2))).toBe(false);
  });

  it("reports a missing header", () => {
    const verdict = verify(request(null, PD1.body), PD1.secret);
    expect(verdict.verdict).toBe("missing");
    expect(verdict.reason).toContain("Paddle-Signature");
  });

  it.each([
    ["no ts", `h1=${PD2_H1}`],
    ["no h1", `ts=${TS}`],
    ["a non-numeric ts", `ts=yesterday;h1=${PD2_H1}`],
    ["Stripe's format", `t=${TS},v1=${PD2_H1}`],
  ])("reports an unparsable header (%s) as invalid", (_name, header) => {
    const verdict = verify(request(header, PD2.body), PD2.secret);
    expect(verdict.verdict).toBe("invalid");
    expect(verdict.reason).toContain("Paddle-Signature");
  });

  it.each([
    ["6 s late", TS + 6],
    ["an hour late", TS + 3600],
    ["a minute early (a future timestamp)", TS - 60],
  ])("reports a right signature received %s as expired", (_name, receivedSeconds) => {
    const verdict = verify(request(PD1.header, PD1.body, at(receivedSeconds)), PD1.secret);
    expect(verdict.verdict).toBe("expired");
    expect(verdict.details?.timestamp).toBe(TS);
  });

  it("agrees with the SDK that 6 s late is too late", async () => {
    expect(await sdkAccepts(PD1.body, PD1.secret, PD1.header, at(TS + 5))).toBe(true);
    expect(await sdkAccepts(PD1.body, PD1.secret, PD1.header, at(TS + 6))).toBe(false);
  });

  it("names the previous secret when that is the one that matches", () => {
    const verdict = verify(request(PD1.header, PD1.body), "NEW_SECRET", PD1.secret);
    expect(verdict.verdict).toBe("valid");
    expect(verdict.details?.matchedSecret).toBe("previous");
  });

  it("is detected by its header alone", () => {
    expect(paddle.detect(request(PD1.header, PD1.body))).toBe(true);
    expect(paddle.detect(request(null, PD1.body))).toBe(false);
  });
});
