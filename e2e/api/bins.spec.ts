import { expect, test } from "@playwright/test";
import { bearer, createBin, nodeHttp } from "../helpers";

test.describe("bins API", () => {
  test("creates a bin with an unguessable id, its URLs and a token, and sets an httpOnly cookie", async ({
    request,
    baseURL,
  }) => {
    const response = await request.post("/api/bins", { data: { name: "  Stripe staging  " } });
    expect(response.status()).toBe(201);
    const bin = await response.json();
    expect(bin.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(bin).toMatchObject({
      name: "Stripe staging",
      captureUrl: `${baseURL}/h/${bin.id}`,
      dashboardUrl: `${baseURL}/bins/${bin.id}`,
    });
    expect(bin.token).toMatch(/^hs_[A-Za-z0-9_-]{43}$/);
    expect(Number.isNaN(Date.parse(bin.createdAt))).toBe(false);
    const cookie = response.headers()["set-cookie"];
    expect(cookie).toContain(`hs_${bin.id}=${bin.token}`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
  });

  test("creates a bin without a body or a name", async ({ request }) => {
    const response = await request.post("/api/bins");
    expect(response.status()).toBe(201);
    expect((await response.json()).name).toBeNull();
  });

  test.describe("rejects bad input with 400 and a message", () => {
    for (const [label, body, message] of [
      ["malformed JSON", "{name:", "not valid JSON"],
      ["a name that is not a string", JSON.stringify({ name: 42 }), "name"],
      ["a name over 100 characters", JSON.stringify({ name: "x".repeat(101) }), "at most 100"],
      ["an unknown field", JSON.stringify({ nmae: "typo" }), "nmae"],
      ["an array", "[]", "object"],
    ] as const) {
      test(label, async ({ baseURL }) => {
        // node:http sends the bytes as given; Playwright's client would JSON-encode a string body.
        const response = await nodeHttp(`${baseURL}/api/bins`, {
          headers: { "content-type": "application/json" },
          body,
        });
        expect(response.status).toBe(400);
        const { error } = JSON.parse(response.body.toString());
        expect(error.code).toMatch(/^invalid_/);
        expect(error.message).toContain(message);
      });
    }
  });

  test("reads a bin with its token, from a header or the cookie", async ({
    request,
    playwright,
    baseURL,
  }) => {
    const bin = await createBin(request, "mine");
    const withHeader = await playwright.request.newContext({ baseURL });
    const response = await withHeader.get(`/api/bins/${bin.id}`, { headers: bearer(bin) });
    expect(response.status()).toBe(200);
    const json = await response.json();
    expect(json).toEqual({
      id: bin.id,
      name: "mine",
      captureUrl: bin.captureUrl,
      dashboardUrl: bin.dashboardUrl,
      settings: {
        duplicates: { fingerprint: true },
        response: null,
        failure: null,
        cors: true,
        maxRequests: null,
        rateLimitPerMinute: null,
        forwarding: [],
      },
      failuresRemaining: 0,
      refusedCount: 0,
      signing: {
        scheme: "auto",
        customScheme: null,
        secretHint: null,
        previousSecretHint: null,
        secretsReadable: true,
      },
      createdAt: bin.createdAt,
    });
    expect(JSON.stringify(json)).not.toContain(bin.token);
    // `request` kept the cookie from creating the bin.
    expect((await request.get(`/api/bins/${bin.id}`)).status()).toBe(200);
    await withHeader.dispose();
  });

  test("every bin route wants the bin's own token: none is 401, another bin's is 404", async ({
    playwright,
    baseURL,
    request,
  }) => {
    const mine = await createBin(request);
    const theirs = await createBin(request);
    const capture = await nodeHttp(`${baseURL}/h/${mine.id}`, { body: "{}" });
    const requestId = String(capture.headers["x-hookscope-request-id"]);
    const anonymous = await playwright.request.newContext({ baseURL });
    const routes = [
      ["GET", `/api/bins/${mine.id}`],
      ["DELETE", `/api/bins/${mine.id}`],
      ["GET", `/api/bins/${mine.id}/requests`],
      ["GET", `/api/bins/${mine.id}/requests/${requestId}`],
      ["GET", `/api/bins/${mine.id}/events`],
      ["PATCH", `/api/bins/${mine.id}`],
      ["POST", `/api/bins/${mine.id}/reverify`],
      ["POST", `/api/bins/${mine.id}/replay`],
      ["DELETE", `/api/bins/${mine.id}/requests`],
      ["DELETE", `/api/bins/${mine.id}/requests/${requestId}`],
      ["POST", `/api/bins/${mine.id}/requests/${requestId}/replay`],
      ["GET", `/api/bins/${mine.id}/requests/${requestId}/replays`],
      ["GET", `/api/bins/${mine.id}/requests/next?timeout=0`],
      ["GET", `/api/bins/${mine.id}/export`],
      ["POST", `/api/bins/${mine.id}/import`],
      ["POST", `/api/bins/${mine.id}/token`],
      ["GET", `/api/bins/${mine.id}/shares`],
      ["POST", `/api/bins/${mine.id}/shares`],
      ["DELETE", `/api/bins/${mine.id}/shares/some-share`],
    ] as const;
    for (const [method, path] of routes) {
      const none = await anonymous.fetch(path, { method });
      expect(none.status(), `${method} ${path} without a token`).toBe(401);
      expect((await none.json()).error.code).toBe("unauthorized");
      const foreign = await anonymous.fetch(path, { method, headers: bearer(theirs) });
      expect(foreign.status(), `${method} ${path} with another bin's token`).toBe(404);
      const forged = await anonymous.fetch(path, { method, headers: { authorization: "Bearer hs_forged" } });
      expect(forged.status(), `${method} ${path} with a made-up token`).toBe(404);
    }
    // The bin and its request survived the refused DELETEs.
    expect((await anonymous.get(`/api/bins/${mine.id}`, { headers: bearer(mine) })).status()).toBe(200);
    expect(
      (await anonymous.get(`/api/bins/${mine.id}/requests/${requestId}`, { headers: bearer(mine) })).status(),
    ).toBe(200);
    await anonymous.dispose();
  });

  test("rotates the owner token: the old one stops working at once, the new one works", async ({
    playwright,
    baseURL,
    request,
  }) => {
    const bin = await createBin(request);
    const api = await playwright.request.newContext({ baseURL });
    const rotated = await api.post(`/api/bins/${bin.id}/token`, { headers: bearer(bin) });
    expect(rotated.status()).toBe(200);
    const { token } = await rotated.json();
    expect(token).toMatch(/^hs_/);
    expect(token).not.toBe(bin.token);
    expect(rotated.headers()["set-cookie"]).toContain(token);
    expect((await api.get(`/api/bins/${bin.id}`, { headers: bearer(bin) })).status()).toBe(404);
    expect((await api.get(`/api/bins/${bin.id}`, { headers: bearer({ token }) })).status()).toBe(200);
    await api.dispose();
  });

  test("deletes a bin with its requests; its capture URL then answers 404", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    await nodeHttp(`${baseURL}/h/${bin.id}`, { body: "{}" });
    const response = await request.delete(`/api/bins/${bin.id}`, { headers: bearer(bin) });
    expect(response.status()).toBe(204);
    expect((await request.get(`/api/bins/${bin.id}`, { headers: bearer(bin) })).status()).toBe(404);
    expect((await nodeHttp(`${baseURL}/h/${bin.id}`, { body: "{}" })).status).toBe(404);
  });

  test("opens a bin in another browser with its token", async ({ request, playwright, baseURL }) => {
    const bin = await createBin(request);
    const other = await playwright.request.newContext({ baseURL });
    expect((await other.post(`/api/bins/${bin.id}/session`, { data: { token: "hs_wrong" } })).status()).toBe(
      404,
    );
    expect((await other.post(`/api/bins/${bin.id}/session`, { data: { token: bin.token } })).status()).toBe(
      204,
    );
    expect((await other.get(`/api/bins/${bin.id}`)).status()).toBe(200);
    await other.dispose();
  });

  test("reports health and the database in use", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect((await response.json()).database).toMatch(/^(pglite|postgres)$/);
  });
});

test.describe("browser protections", () => {
  test("refuses a cookie-authenticated change from another origin, but not a token-authenticated one", async ({
    request,
  }) => {
    const bin = await createBin(request);
    const hostile = await request.patch(`/api/bins/${bin.id}`, {
      headers: { origin: "https://evil.example" },
      data: { name: "pwned" },
    });
    expect(hostile.status()).toBe(403);
    expect((await hostile.json()).error.code).toBe("cross_origin");
    const withToken = await request.patch(`/api/bins/${bin.id}`, {
      headers: { origin: "https://ci.example", ...bearer(bin) },
      data: { name: "renamed" },
    });
    expect(withToken.status()).toBe(200);
    const reads = await request.get(`/api/bins/${bin.id}`, { headers: { origin: "https://evil.example" } });
    expect(reads.status()).toBe(200);
  });

  test("serves pages with a strict script policy, a fresh nonce each time", async ({ request }) => {
    const policies = await Promise.all(
      [request.get("/"), request.get("/")].map(async (r) => (await r).headers()),
    );
    const nonces = policies.map(
      (headers) => headers["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1],
    );
    expect(nonces[0]).toBeTruthy();
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(policies[0]?.["content-security-policy"]).toContain("'strict-dynamic'");
    const html = await (await request.get("/")).text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/nonce="[^"]+"/);
  });

  test("serves the dashboard unframeable, without referrers, unsniffed", async ({ request }) => {
    const response = await request.get("/");
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    expect(response.headers()["referrer-policy"]).toBe("no-referrer");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("bin aliases", () => {
  test("a bin can take a chosen name: its capture URL is /h/<alias>, and the name is unique", async ({
    request,
    baseURL,
  }) => {
    const alias = `acme-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    // A sender that is early gets 404, and is remembered as unknown until the bin exists.
    expect((await nodeHttp(`${baseURL}/h/${alias}/early`, { body: "" })).status).toBe(404);
    const created = await request.post("/api/bins", { data: { alias, name: "Acme staging" } });
    expect(created.status()).toBe(201);
    const bin = await created.json();
    expect(bin.id).toBe(alias);
    expect(bin.captureUrl).toBe(`${baseURL}/h/${alias}`);
    const capture = await nodeHttp(`${baseURL}/h/${alias}/orders`, { body: '{"ok":true}' });
    expect(capture.status).toBe(200);
    const list = await request.get(`/api/bins/${alias}/requests`, { headers: bearer(bin) });
    expect((await list.json()).requests.map((r: { path: string }) => r.path)).toEqual(["/orders"]);

    const again = await request.post("/api/bins", { data: { alias } });
    expect(again.status()).toBe(409);
    expect((await again.json()).error.code).toBe("alias_taken");
    for (const bad of ["AB", "has space", "x", "under_score"]) {
      const response = await request.post("/api/bins", { data: { alias: bad } });
      expect(response.status(), bad).toBe(400);
      expect((await response.json()).error.message).toMatch(/alias/);
    }
  });
});
