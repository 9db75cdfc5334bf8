import { expect, test } from "@playwright/test";
import Stripe from "stripe";
import { type RecordingServer, recordingServer } from "../../test/recording-server";
import { bearer, createBin, nodeHttp } from "../helpers";

// A stand-in for the user's local dev server: records what it receives and answers 202 (or, moved, 308).
let target: RecordingServer;
let targetUrl = "";
let received: RecordingServer["received"] = [];

test.beforeAll(async () => {
  target = await recordingServer((request, res) => {
    if (request.url === "/moved") {
      res.writeHead(308, { location: "/landed" });
      res.end();
      return;
    }
    res.writeHead(202, { "content-type": "application/json" });
    res.end('{"received":true}');
  });
  targetUrl = target.url;
  received = target.received;
});

test.afterAll(() => target.close());

test.describe("replay", () => {
  test("sends a captured request to a target and keeps its answer in the history", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    const body = '{"id":"evt_1","type":"invoice.paid"}';
    const capture = await nodeHttp(`${baseURL}/h/${bin.id}/stripe?x=1`, {
      headers: { "Content-Type": "application/json", "Stripe-Signature": "t=1,v1=00" },
      body,
    });
    const id = String(capture.headers["x-hookscope-request-id"]);
    const response = await request.post(`/api/bins/${bin.id}/requests/${id}/replay`, {
      headers: bearer(bin),
      data: { url: `${targetUrl}/webhooks`, appendPath: true },
    });
    expect(response.status()).toBe(201);
    const result = await response.json();
    expect(result).toMatchObject({
      status: 202,
      body: '{"received":true}',
      bodyTruncated: false,
      error: null,
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    const sent = received.at(-1);
    expect(sent?.url).toBe("/webhooks/stripe?x=1");
    expect(sent?.body.toString()).toBe(body);
    expect(sent?.headers["stripe-signature"]).toBe("t=1,v1=00");

    const history = await request.get(`/api/bins/${bin.id}/requests/${id}/replays`, { headers: bearer(bin) });
    expect((await history.json()).replays.map((replay: { id: string }) => replay.id)).toEqual([result.id]);
  });

  test("answers with a redirect unless asked to follow it, and then records the hops", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    const capture = await nodeHttp(`${baseURL}/h/${bin.id}`, { body: '{"moved":true}' });
    const path = `/api/bins/${bin.id}/requests/${capture.headers["x-hookscope-request-id"]}`;
    const replay = async (data: Record<string, unknown>) =>
      (await request.post(`${path}/replay`, { headers: bearer(bin), data })).json();

    expect(await replay({ url: `${targetUrl}/moved` })).toMatchObject({ status: 308, redirects: [] });
    expect(received.at(-1)?.url).toBe("/moved");

    const followed = await replay({ url: `${targetUrl}/moved`, followRedirects: true });
    expect(followed).toMatchObject({
      status: 202,
      error: null,
      redirects: [{ status: 308, url: `${targetUrl}/landed` }],
    });
    expect(received.at(-1)).toMatchObject({
      url: "/landed",
      method: "POST",
      body: Buffer.from('{"moved":true}'),
    });
    const history = await (await request.get(`${path}/replays`, { headers: bearer(bin) })).json();
    expect(history.replays[0].redirects).toEqual(followed.redirects);
  });

  test("sends the user's edits of method, headers and body", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const capture = await nodeHttp(`${baseURL}/h/${bin.id}`, { body: "original" });
    const id = String(capture.headers["x-hookscope-request-id"]);
    const response = await request.post(`/api/bins/${bin.id}/requests/${id}/replay`, {
      headers: bearer(bin),
      data: { url: targetUrl, method: "PUT", headers: [["X-Edited", "yes"]], body: "edited" },
    });
    expect((await response.json()).status).toBe(202);
    expect(received.at(-1)).toMatchObject({ method: "PUT", body: Buffer.from("edited") });
    expect(received.at(-1)?.headers["x-edited"]).toBe("yes");
  });

  test("records a target that is down as an error in plain words", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const capture = await nodeHttp(`${baseURL}/h/${bin.id}`, { body: "x" });
    const response = await request.post(
      `/api/bins/${bin.id}/requests/${capture.headers["x-hookscope-request-id"]}/replay`,
      { headers: bearer(bin), data: { url: "http://127.0.0.1:9/" } },
    );
    const result = await response.json();
    expect(result.status).toBeNull();
    expect(result.error).toContain("connection refused");
  });

  test("rejects a bad target and another bin's token", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const other = await createBin(request);
    const capture = await nodeHttp(`${baseURL}/h/${bin.id}`, { body: "x" });
    const path = `/api/bins/${bin.id}/requests/${capture.headers["x-hookscope-request-id"]}`;
    for (const url of ["not a url", "ftp://example.com/", "file:///etc/passwd"]) {
      const response = await request.post(`${path}/replay`, { headers: bearer(bin), data: { url } });
      expect(response.status(), url).toBe(400);
    }
    expect(
      (await request.post(`${path}/replay`, { headers: bearer(other), data: { url: targetUrl } })).status(),
    ).toBe(404);
    expect((await request.get(`${path}/replays`, { headers: bearer(other) })).status()).toBe(404);
  });
});

test.describe("replay with a fresh signature", () => {
  test("re-signs an old Stripe event so a strict receiver accepts it", async ({ request, baseURL }) => {
    const secret = "whsec_replay_secret";
    const verifier = await recordingServer((received, res) => {
      try {
        // What the user's server does: stripe-node with its default 5-minute tolerance.
        Stripe.webhooks.constructEvent(received.body, String(received.headers["stripe-signature"]), secret);
        res.writeHead(200);
      } catch {
        res.writeHead(400);
      }
      res.end();
    });
    const verifierUrl = verifier.url;
    try {
      const bin = await createBin(request);
      await request.patch(`/api/bins/${bin.id}`, {
        headers: bearer(bin),
        data: { secret, scheme: "stripe" },
      });
      const payload = JSON.stringify({ id: "evt_week_old", object: "event" });
      const weekAgo = Math.floor(Date.now() / 1000) - 7 * 86_400;
      const capture = await nodeHttp(`${baseURL}/h/${bin.id}`, {
        headers: {
          "Content-Type": "application/json",
          "Stripe-Signature": Stripe.webhooks.generateTestHeaderString({
            payload,
            secret,
            timestamp: weekAgo,
          }),
        },
        body: payload,
      });
      const path = `/api/bins/${bin.id}/requests/${capture.headers["x-hookscope-request-id"]}/replay`;
      const plain = await request.post(path, { headers: bearer(bin), data: { url: verifierUrl } });
      expect((await plain.json()).status).toBe(400);
      const fresh = await request.post(path, {
        headers: bearer(bin),
        data: { url: verifierUrl, resign: true },
      });
      expect((await fresh.json()).status).toBe(200);
    } finally {
      await verifier.close();
    }
  });

  test("says why a request cannot be re-signed", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const capture = await nodeHttp(`${baseURL}/h/${bin.id}`, { body: "{}" });
    const response = await request.post(
      `/api/bins/${bin.id}/requests/${capture.headers["x-hookscope-request-id"]}/replay`,
      {
        headers: bearer(bin),
        data: { url: targetUrl, resign: true },
      },
    );
    expect(response.status()).toBe(400);
    expect((await response.json()).error.message).toContain("no readable secret");
  });
});

test.describe("forwarding rules", () => {
  test("forwards each capture after answering the sender, retrying a failing target", async ({
    request,
    baseURL,
  }) => {
    const attempts: number[] = [];
    const flaky = await recordingServer((_received, res) => {
      attempts.push(Date.now());
      res.writeHead(attempts.length < 3 ? 500 : 200);
      res.end();
    });
    const flakyUrl = flaky.url;
    try {
      const bin = await createBin(request);
      const patched = await request.patch(`/api/bins/${bin.id}`, {
        headers: bearer(bin),
        data: { forwarding: [{ url: `${flakyUrl}/in`, appendPath: true }] },
      });
      expect((await patched.json()).settings.forwarding).toEqual([
        { url: `${flakyUrl}/in`, appendPath: true, resign: false },
      ]);
      const capture = await nodeHttp(`${baseURL}/h/${bin.id}/evt`, { body: '{"n":1}' });
      expect(capture.status).toBe(200);
      const id = capture.headers["x-hookscope-request-id"];
      await expect.poll(() => attempts.length, { timeout: 10_000 }).toBe(3);
      await expect
        .poll(async () => {
          const history = await request.get(`/api/bins/${bin.id}/requests/${id}/replays`, {
            headers: bearer(bin),
          });
          return (
            (await history.json()).replays as { attempt: number; status: number; trigger: string }[]
          ).map((replay) => `${replay.trigger} #${replay.attempt} → ${replay.status}`);
        })
        .toEqual(["forward #3 → 200", "forward #2 → 500", "forward #1 → 500"]);
    } finally {
      await flaky.close();
    }
  });

  test("rejects a forwarding rule that is not an http(s) URL", async ({ request }) => {
    const bin = await createBin(request);
    const response = await request.patch(`/api/bins/${bin.id}`, {
      headers: bearer(bin),
      data: { forwarding: [{ url: "ftp://example.com" }] },
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.message).toContain("forwarding url");
  });
});

test.describe("replaying several requests", () => {
  test("replays the selected requests in the order they were captured", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const ids: string[] = [];
    for (const name of ["first", "second", "third"]) {
      ids.push(
        String(
          (await nodeHttp(`${baseURL}/h/${bin.id}/${name}`, { body: name })).headers[
            "x-hookscope-request-id"
          ],
        ),
      );
    }
    const before = received.length;
    const response = await request.post(`/api/bins/${bin.id}/replay`, {
      headers: bearer(bin),
      data: { ids: [ids[2], ids[0], ids[1]], url: targetUrl, appendPath: true },
    });
    expect(response.status()).toBe(201);
    expect((await response.json()).replays.map((replay: { status: number }) => replay.status)).toEqual([
      202, 202, 202,
    ]);
    expect(received.slice(before).map((hit) => hit.url)).toEqual(["/first", "/second", "/third"]);
    const unknown = await request.post(`/api/bins/${bin.id}/replay`, {
      headers: bearer(bin),
      data: { ids: ["999999999"], url: targetUrl },
    });
    expect(unknown.status()).toBe(404);
  });
});
