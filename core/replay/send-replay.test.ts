import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RecordingServer, recordingServer } from "../../test/recording-server";
import { buildReplay } from "./build-replay";
import { sendReplay } from "./send-replay";

let target: RecordingServer;
let base = "";
let received: RecordingServer["received"] = [];

beforeAll(async () => {
  target = await recordingServer((request, res) => {
    if (request.url.startsWith("/hang")) return;
    if (request.url.startsWith("/moved")) {
      res.writeHead(302, { location: "/elsewhere" });
      res.end();
      return;
    }
    if (request.url.startsWith("/big")) {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(Buffer.alloc(100 * 1024, 0x61));
      return;
    }
    res.writeHead(201, { "X-Target": "yes", "content-type": "text/plain" });
    res.end("handled");
  });
  base = target.url;
  received = target.received;
});

afterAll(() => target.close());

const stored = {
  method: "POST",
  path: "/stripe/events",
  query: "a=1",
  headers: [
    ["Host", "hooks.example.com"],
    ["Content-Type", "application/json"],
    ["Stripe-Signature", "t=1,v1=abc"],
    ["Content-Length", "999"],
    ["Connection", "keep-alive"],
    ["X-Repeat", "1"],
    ["X-Repeat", "2"],
  ] as [string, string][],
  body: Buffer.from([0x7b, 0x00, 0xff, 0x7d]),
};

const local = { timeoutMs: 2_000, blockPrivate: false };

describe("sendReplay", () => {
  it("sends the exact body and the original headers, minus hop-by-hop ones, and keeps the answer", async () => {
    const result = await sendReplay(buildReplay(stored, { url: `${base}/hook`, appendPath: true }), local);
    expect(result).toMatchObject({ status: 201, error: null, bodyTruncated: false });
    expect(result.body.toString()).toBe("handled");
    expect(result.headers).toContainEqual(["X-Target", "yes"]);
    const last = received.at(-1);
    expect(last?.url).toBe("/hook/stripe/events?a=1");
    expect(last?.body.equals(stored.body)).toBe(true);
    const names = (last?.rawHeaders ?? []).filter((_, index) => index % 2 === 0);
    expect(names).toContain("Stripe-Signature");
    expect(names.filter((name) => name === "X-Repeat")).toHaveLength(2);
    // The captured Host and Content-Length describe the original connection; the target's are sent.
    const host = last?.rawHeaders[(last?.rawHeaders.indexOf("Host") ?? 0) + 1];
    expect(host).toBe(new URL(base).host);
    expect(names.filter((name) => name.toLowerCase() === "host")).toHaveLength(1);
    // Recomputed by the client for the body actually sent, not copied from the capture.
    const length = last?.rawHeaders[(last?.rawHeaders.indexOf("Content-Length") ?? 0) + 1];
    expect(length).toBe("4");
  });

  it("reports a redirect as the answer instead of following it", async () => {
    const before = received.length;
    const result = await sendReplay(buildReplay(stored, { url: `${base}/moved` }), local);
    expect(result.status).toBe(302);
    expect(result.headers).toContainEqual(["location", "/elsewhere"]);
    expect(received.slice(before).map((hit) => hit.url)).toEqual(["/moved"]);
  });

  it("keeps at most 64 KiB of the answer and says so", async () => {
    const result = await sendReplay(buildReplay(stored, { url: `${base}/big` }), local);
    expect(result.body.length).toBe(64 * 1024);
    expect(result.bodyTruncated).toBe(true);
  });

  it("reports a refused connection, a timeout and a bad URL in plain words", async () => {
    const refused = await sendReplay(buildReplay(stored, { url: "http://127.0.0.1:9/" }), local);
    expect(refused).toMatchObject({ status: null });
    expect(refused.error).toContain("connection refused");
    const slow = await sendReplay(buildReplay(stored, { url: `${base}/hang` }), { ...local, timeoutMs: 300 });
    expect(slow.error).toContain("timed out");
    const ftp = await sendReplay(buildReplay(stored, { url: "ftp://example.com/" }), local);
    expect(ftp.error).toContain("only http and https");
  });

  it("always refuses link-local and cloud metadata addresses", async () => {
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/"]) {
      const result = await sendReplay(buildReplay(stored, { url }), local);
      expect(result.error, url).toContain("blocked by the address policy");
    }
  });

  it("refuses private targets when the policy says so, by literal address and by name", async () => {
    const policy = { timeoutMs: 2_000, blockPrivate: true };
    const before = received.length;
    const literal = await sendReplay(buildReplay(stored, { url: `${base}/hook` }), policy);
    expect(literal.error).toContain("blocked by the address policy");
    const port = new URL(base).port;
    const named = await sendReplay(buildReplay(stored, { url: `http://localhost:${port}/hook` }), policy);
    expect(named.error).toContain("blocked by the address policy");
    expect(named.error).toContain("loopback");
    expect(received.length).toBe(before);
  });
});
