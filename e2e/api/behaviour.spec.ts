import { expect, test } from "@playwright/test";
import { bearer, type CreatedBin, createBin, nodeHttp } from "../helpers";

async function configure(
  request: Parameters<typeof createBin>[0],
  bin: CreatedBin,
  data: Record<string, unknown>,
) {
  const response = await request.patch(`/api/bins/${bin.id}`, { headers: bearer(bin), data });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

async function listed(request: Parameters<typeof createBin>[0], bin: CreatedBin) {
  const response = await request.get(`/api/bins/${bin.id}/requests?limit=500`, { headers: bearer(bin) });
  return (await response.json()).requests as {
    id: string;
    path: string;
    responseStatus: number;
    method: string;
  }[];
}

test.describe("bin behaviour", () => {
  test("answers with the bin's custom response, and still says which request it stored", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    await configure(request, bin, {
      response: {
        status: 202,
        headers: { "X-Custom": "yes" },
        body: "<ok/>",
        contentType: "application/xml",
      },
    });
    const response = await nodeHttp(`${baseURL}/h/${bin.id}/x`, { body: "{}" });
    expect(response.status).toBe(202);
    expect(response.headers["x-custom"]).toBe("yes");
    expect(response.headers["content-type"]).toBe("application/xml");
    expect(response.body.toString()).toBe("<ok/>");
    const id = String(response.headers["x-hookscope-request-id"]);
    expect((await listed(request, bin)).find((row) => row.id === id)?.responseStatus).toBe(202);

    await configure(request, bin, { response: null });
    const restored = await nodeHttp(`${baseURL}/h/${bin.id}/x`, { body: "{}" });
    expect(restored.status).toBe(200);
    expect(JSON.parse(restored.body.toString()).ok).toBe(true);
  });

  test("waits the configured delay before answering", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    await configure(request, bin, { response: { delayMs: 700 } });
    const started = Date.now();
    const response = await nodeHttp(`${baseURL}/h/${bin.id}`, { body: "{}" });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(690);
  });

  test("fails the next two deliveries; a retrying sender gets through on the third", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    const settings = await configure(request, bin, {
      failure: { mode: "next", count: 2, status: 503, retryAfter: 1 },
    });
    expect(settings.failuresRemaining).toBe(2);

    // A sender that retries with backoff, as providers do.
    const answers: number[] = [];
    for (const backoff of [0, 50, 150, 400]) {
      await new Promise((resolve) => setTimeout(resolve, backoff));
      const response = await nodeHttp(`${baseURL}/h/${bin.id}/orders`, {
        headers: { "Idempotency-Key": "order-1" },
        body: '{"order":1}',
      });
      answers.push(response.status);
      if (response.status === 503) expect(response.headers["retry-after"]).toBe("1");
      if (response.status < 300) break;
    }
    expect(answers).toEqual([503, 503, 200]);
    const stored = await listed(request, bin);
    expect(stored.map((row) => row.responseStatus)).toEqual([200, 503, 503]);
    const bin2 = await (await request.get(`/api/bins/${bin.id}`, { headers: bearer(bin) })).json();
    expect(bin2.failuresRemaining).toBe(0);
  });

  test("fails every request, or a share of them", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    await configure(request, bin, { failure: { mode: "always", status: 500 } });
    expect((await nodeHttp(`${baseURL}/h/${bin.id}`, { body: "" })).status).toBe(500);
    await configure(request, bin, { failure: { mode: "percent", percent: 0 } });
    expect((await nodeHttp(`${baseURL}/h/${bin.id}`, { body: "" })).status).toBe(200);
    await configure(request, bin, { failure: { mode: "percent", percent: 100, status: 502 } });
    expect((await nodeHttp(`${baseURL}/h/${bin.id}`, { body: "" })).status).toBe(502);
    expect((await listed(request, bin)).map((row) => row.responseStatus)).toEqual([502, 200, 500]);
  });

  test("times out: holds the connection and closes it without an answer, but stores the request", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    await configure(request, bin, { failure: { mode: "timeout", timeoutMs: 1000 } });
    const started = Date.now();
    const outcome = await nodeHttp(`${baseURL}/h/${bin.id}/slow`, { body: "{}" }).then(
      (response) => `answered ${response.status}`,
      () => "no answer",
    );
    const held = Date.now() - started;
    const stored = await listed(request, bin);
    expect(stored[0]?.path).toBe("/slow");
    expect(stored[0]?.responseStatus).toBe(0);
    expect(held).toBeGreaterThanOrEqual(950);
    // The fast path drops the connection; the Next route mount cannot, and answers 504 instead.
    expect(["no answer", "answered 504"]).toContain(outcome);
  });

  test("answers CORS preflights and records them; CORS can be switched off", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const preflight = await nodeHttp(`${baseURL}/h/${bin.id}/cors`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://app.example.com",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, x-token",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("https://app.example.com");
    expect(preflight.headers["access-control-allow-headers"]).toBe("content-type, x-token");
    expect(preflight.headers["access-control-allow-credentials"]).toBeUndefined();
    const post = await nodeHttp(`${baseURL}/h/${bin.id}/cors`, {
      headers: { Origin: "https://app.example.com" },
      body: "{}",
    });
    expect(post.headers["access-control-allow-origin"]).toBe("https://app.example.com");
    expect(post.headers["access-control-expose-headers"]).toContain("x-hookscope-request-id");
    expect((await listed(request, bin)).map((row) => row.method)).toEqual(["POST", "OPTIONS"]);

    await configure(request, bin, { cors: false });
    const plain = await nodeHttp(`${baseURL}/h/${bin.id}/cors`, {
      method: "OPTIONS",
      headers: { Origin: "https://app.example.com", "Access-Control-Request-Method": "POST" },
    });
    expect(plain.status).toBe(200);
    expect(plain.headers["access-control-allow-origin"]).toBeUndefined();
  });

  test("refuses requests over the bin's rate limit with 429 and Retry-After, and counts them", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    await configure(request, bin, { rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let index = 0; index < 5; index++) {
      const response = await nodeHttp(`${baseURL}/h/${bin.id}/${index}`, { body: "" });
      statuses.push(response.status);
      retryAfter ??= response.headers["retry-after"]?.toString();
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(await listed(request, bin)).toHaveLength(3);
    await expect
      .poll(
        async () =>
          (await (await request.get(`/api/bins/${bin.id}`, { headers: bearer(bin) })).json()).refusedCount,
      )
      .toBe(2);
  });

  test("keeps the newest requests up to the bin's cap", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    await configure(request, bin, { maxRequests: 5 });
    for (let index = 0; index < 8; index++) await nodeHttp(`${baseURL}/h/${bin.id}/n/${index}`, { body: "" });
    await expect
      .poll(async () => (await listed(request, bin)).map((row) => row.path))
      .toEqual(["/n/7", "/n/6", "/n/5", "/n/4", "/n/3"]);
  });

  test("deletes one request, or clears the bin", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      const response = await nodeHttp(`${baseURL}/h/${bin.id}/d/${index}`, { body: "" });
      ids.push(String(response.headers["x-hookscope-request-id"]));
    }
    const removed = await request.delete(`/api/bins/${bin.id}/requests/${ids[1]}`, { headers: bearer(bin) });
    expect(removed.status()).toBe(204);
    expect((await listed(request, bin)).map((row) => row.id)).toEqual([ids[2], ids[0]]);
    expect(
      (await request.delete(`/api/bins/${bin.id}/requests/${ids[1]}`, { headers: bearer(bin) })).status(),
    ).toBe(404);
    const cleared = await request.delete(`/api/bins/${bin.id}/requests`, { headers: bearer(bin) });
    expect(await cleared.json()).toEqual({ deleted: 2 });
    expect(await listed(request, bin)).toEqual([]);
  });

  test("rejects invalid behaviour settings with 400 and a message", async ({ request }) => {
    const bin = await createBin(request);
    for (const [data, message] of [
      [{ response: { status: 700 } }, "between 100 and 599"],
      [{ response: { headers: { "bad header": "x" } } }, "valid HTTP tokens"],
      [{ response: { delayMs: 40_000 } }, "30000"],
      [{ failure: { mode: "next" } }, "failure.count"],
      [{ failure: { mode: "sometimes" } }, "failure.mode"],
      [{ maxRequests: 0 }, "maxRequests"],
    ] as const) {
      const response = await request.patch(`/api/bins/${bin.id}`, { headers: bearer(bin), data });
      expect(response.status(), JSON.stringify(data)).toBe(400);
      expect((await response.json()).error.message).toContain(message);
    }
  });
});
