import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ReceivedRequest, type RecordingServer, recordingServer } from "../../test/recording-server";
import type { ReplayRequest } from "./build-replay";
import { MAX_REDIRECTS, redirectedRequest, sendFollowingRedirects } from "./follow-redirects";
import { sendReplay } from "./send-replay";

/** A real target's answer: /to/<status>?<location> answers that redirect; anything else echoes 200. */
function redirectOrEcho(request: ReceivedRequest, res: ServerResponse): void {
  const redirect = request.url.match(/^\/to\/(\d{3})\?(.*)$/);
  if (redirect) {
    res.writeHead(Number(redirect[1]), { location: decodeURIComponent(redirect[2] ?? "") });
    res.end();
    return;
  }
  res.writeHead(200, { "content-type": "text/plain" });
  res.end(`arrived at ${request.url}`);
}

let targetA: RecordingServer;
let targetB: RecordingServer;
let a = "";
let b = "";
/** What a target received, bodies as text. */
const seen = (target: RecordingServer) =>
  target.received.map((request) => ({ ...request, body: request.body.toString() }));

beforeAll(async () => {
  [targetA, targetB] = await Promise.all([recordingServer(redirectOrEcho), recordingServer(redirectOrEcho)]);
  [a, b] = [targetA.url, targetB.url];
});

afterAll(() => Promise.all([targetA.close(), targetB.close()]));

const send = (request: ReplayRequest) => sendReplay(request, { timeoutMs: 5_000, blockPrivate: false });
const post = (url: string): ReplayRequest => ({
  method: "POST",
  url,
  headers: [
    ["Content-Type", "application/json"],
    ["Authorization", "Bearer secret-token"],
    ["Stripe-Signature", "t=1,v1=abc"],
  ],
  body: Buffer.from('{"id":"evt_1"}'),
});
const to = (status: number, location: string) => `/to/${status}?${encodeURIComponent(location)}`;

describe("sendFollowingRedirects", () => {
  it("follows a 302 after a POST as a GET without the body, and says where it went", async () => {
    targetA.received.length = 0;
    const { result, redirects } = await sendFollowingRedirects(post(`${a}${to(302, "/landed")}`), send);
    expect(result.status).toBe(200);
    expect(result.body.toString()).toBe("arrived at /landed");
    expect(redirects).toEqual([{ status: 302, url: `${a}/landed` }]);
    const last = seen(targetA).at(-1);
    expect(last).toMatchObject({ method: "GET", url: "/landed", body: "" });
    expect(last?.headers["content-type"]).toBeUndefined();
    // Same origin: the credentials the user sent along stay.
    expect(last?.headers.authorization).toBe("Bearer secret-token");
  });

  it("repeats the method and body on 307 and 308", async () => {
    for (const status of [307, 308]) {
      targetA.received.length = 0;
      const { result } = await sendFollowingRedirects(post(`${a}${to(status, `/kept-${status}`)}`), send);
      expect(result.status).toBe(200);
      expect(seen(targetA).at(-1)).toMatchObject({
        method: "POST",
        url: `/kept-${status}`,
        body: '{"id":"evt_1"}',
      });
      expect(seen(targetA).at(-1)?.headers["stripe-signature"]).toBe("t=1,v1=abc");
    }
  });

  it("drops credentials when a redirect leads to another origin", async () => {
    targetB.received.length = 0;
    await sendFollowingRedirects(post(`${a}${to(307, `${b}/other-origin`)}`), send);
    expect(seen(targetB).at(-1)?.url).toBe("/other-origin");
    expect(seen(targetB).at(-1)?.headers.authorization).toBeUndefined();
    expect(seen(targetB).at(-1)?.headers["stripe-signature"]).toBe("t=1,v1=abc");
  });

  it(`stops after ${MAX_REDIRECTS} redirects and says so`, async () => {
    const loop = `${a}${to(302, to(302, to(302, to(302, to(302, to(302, "/never"))))))}`;
    const { result, redirects } = await sendFollowingRedirects(
      { ...post(loop), method: "GET", body: Buffer.alloc(0) },
      send,
    );
    expect(redirects).toHaveLength(MAX_REDIRECTS);
    expect(result.status).toBe(302);
    expect(result.error).toBe(`stopped after ${MAX_REDIRECTS} redirects`);
  });

  it("holds every hop to the address policy: a redirect cannot reach the metadata address", async () => {
    const { result, redirects } = await sendFollowingRedirects(
      post(`${a}${to(302, "http://169.254.169.254/latest/meta-data/")}`),
      send,
    );
    expect(redirects).toEqual([{ status: 302, url: "http://169.254.169.254/latest/meta-data/" }]);
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/blocked by the address policy/);
  });

  it("returns a redirect with no usable Location as the answer", async () => {
    const { result, redirects } = await sendFollowingRedirects(
      post(`${a}${to(301, "ftp://files.example/x")}`),
      send,
    );
    expect(result.status).toBe(301);
    expect(redirects).toEqual([]);
  });
});

describe("redirectedRequest", () => {
  const base: ReplayRequest = {
    method: "PUT",
    url: "https://api.example/hooks/a?x=1",
    headers: [],
    body: Buffer.from("x"),
  };
  it("resolves a relative Location against the request's URL", () => {
    expect(redirectedRequest(base, 308, "../b")?.url).toBe("https://api.example/b");
    expect(redirectedRequest(base, 308, "//cdn.example/c")?.url).toBe("https://cdn.example/c");
  });
  it("keeps a PUT on 301 and 302, and turns anything but HEAD into GET on 303", () => {
    expect(redirectedRequest(base, 302, "/b")?.method).toBe("PUT");
    expect(redirectedRequest(base, 303, "/b")).toMatchObject({ method: "GET", body: Buffer.alloc(0) });
    expect(redirectedRequest({ ...base, method: "HEAD" }, 303, "/b")?.method).toBe("HEAD");
  });
});
