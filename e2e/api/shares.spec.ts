import { expect, test } from "@playwright/test";
import { bearer, createBin, nodeHttp } from "../helpers";

const share = (token: string) => ({ authorization: `Bearer ${token}` });

test.describe("read-only share links", () => {
  test("a bin link reads everything and changes nothing, until it is revoked", async ({
    request,
    playwright,
    baseURL,
  }) => {
    const bin = await createBin(request);
    const patched = await request.patch(`/api/bins/${bin.id}`, {
      headers: bearer(bin),
      data: { secret: "whsec_share_test_secret", forwarding: [{ url: "http://user:pw@127.0.0.1:9/hook" }] },
    });
    expect(patched.status()).toBe(200);
    const sent = await nodeHttp(`${baseURL}/h/${bin.id}/shared`, { body: '{"a":1}' });
    const requestId = String(sent.headers["x-hookscope-request-id"]);
    const created = await request.post(`/api/bins/${bin.id}/shares`, { headers: bearer(bin), data: {} });
    expect(created.status()).toBe(201);
    const link = await created.json();
    expect(link.url).toMatch(/\/share\/hss_[A-Za-z0-9_-]{43}$/);

    const viewer = await playwright.request.newContext({ baseURL });
    const token = link.token as string;
    const binJson = await (await viewer.get(`/api/bins/${bin.id}`, { headers: share(token) })).json();
    expect(binJson.signing.secretHint).toBeNull();
    expect(binJson.settings.forwarding).toEqual([]);
    expect(JSON.stringify(binJson)).not.toContain("whsec");
    for (const path of [
      `/api/bins/${bin.id}/requests`,
      `/api/bins/${bin.id}/requests/${requestId}`,
      `/api/bins/${bin.id}/export?format=har`,
      `/api/bins/${bin.id}/requests/next?timeout=0`,
    ]) {
      expect((await viewer.get(path, { headers: share(token) })).status(), path).toBeLessThan(300);
    }
    const refused = [
      ["PATCH", `/api/bins/${bin.id}`],
      ["DELETE", `/api/bins/${bin.id}`],
      ["DELETE", `/api/bins/${bin.id}/requests`],
      ["DELETE", `/api/bins/${bin.id}/requests/${requestId}`],
      ["POST", `/api/bins/${bin.id}/requests/${requestId}/replay`],
      ["GET", `/api/bins/${bin.id}/requests/${requestId}/replays`],
      ["POST", `/api/bins/${bin.id}/replay`],
      ["POST", `/api/bins/${bin.id}/reverify`],
      ["POST", `/api/bins/${bin.id}/import`],
      ["POST", `/api/bins/${bin.id}/token`],
      ["GET", `/api/bins/${bin.id}/shares`],
      ["POST", `/api/bins/${bin.id}/shares`],
    ] as const;
    for (const [method, path] of refused) {
      const response = await viewer.fetch(path, { method, headers: share(token), data: {} });
      expect(response.status(), `${method} ${path}`).toBe(403);
      expect((await response.json()).error.code).toBe("read_only");
    }
    // Another bin's link opens nothing here.
    const other = await createBin(request);
    const otherLink = await (
      await request.post(`/api/bins/${other.id}/shares`, { headers: bearer(other) })
    ).json();
    expect(
      (await viewer.get(`/api/bins/${bin.id}/requests`, { headers: share(otherLink.token) })).status(),
    ).toBe(404);

    const listed = await (await request.get(`/api/bins/${bin.id}/shares`, { headers: bearer(bin) })).json();
    expect(listed.shares).toEqual([expect.objectContaining({ id: link.id, requestId: null })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(
      (await request.delete(`/api/bins/${bin.id}/shares/${link.id}`, { headers: bearer(bin) })).status(),
    ).toBe(204);
    expect((await viewer.get(`/api/bins/${bin.id}/requests`, { headers: share(token) })).status()).toBe(404);
    await viewer.dispose();
  });

  test("a request link shows that request only", async ({ request, playwright, baseURL }) => {
    const bin = await createBin(request);
    const first = await nodeHttp(`${baseURL}/h/${bin.id}/one`, { body: "1" });
    const second = await nodeHttp(`${baseURL}/h/${bin.id}/two`, { body: "2" });
    const id = String(first.headers["x-hookscope-request-id"]);
    const link = await (
      await request.post(`/api/bins/${bin.id}/shares`, { headers: bearer(bin), data: { requestId: id } })
    ).json();
    const viewer = await playwright.request.newContext({ baseURL });
    const list = await (
      await viewer.get(`/api/bins/${bin.id}/requests`, { headers: share(link.token) })
    ).json();
    expect(list.requests.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(
      (await viewer.get(`/api/bins/${bin.id}/requests/${id}`, { headers: share(link.token) })).status(),
    ).toBe(200);
    const otherId = String(second.headers["x-hookscope-request-id"]);
    expect(
      (await viewer.get(`/api/bins/${bin.id}/requests/${otherId}`, { headers: share(link.token) })).status(),
    ).toBe(404);
    expect((await viewer.get(`/api/bins/${bin.id}/events`, { headers: share(link.token) })).status()).toBe(
      403,
    );
    const missing = await request.post(`/api/bins/${bin.id}/shares`, {
      headers: bearer(bin),
      data: { requestId: "999999999" },
    });
    expect(missing.status()).toBe(404);
    await viewer.dispose();
  });

  test("opening a link sets a cookie and leads to the dashboard; a revoked link is a 404", async ({
    request,
    playwright,
    baseURL,
  }) => {
    const bin = await createBin(request);
    const link = await (await request.post(`/api/bins/${bin.id}/shares`, { headers: bearer(bin) })).json();
    const browser = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    const opened = await browser.get(new URL(link.url).pathname);
    expect(opened.status()).toBe(303);
    expect(opened.headers().location).toBe(`/bins/${bin.id}`);
    expect(opened.headers()["set-cookie"]).toMatch(new RegExp(`^hsv_${bin.id}=${link.token}; .*HttpOnly`));
    expect((await browser.get(`/api/bins/${bin.id}/requests`)).status()).toBe(200);
    await request.delete(`/api/bins/${bin.id}/shares/${link.id}`, { headers: bearer(bin) });
    expect((await browser.get(new URL(link.url).pathname)).status()).toBe(404);
    expect((await browser.get(`/api/bins/${bin.id}/requests`)).status()).toBe(404);
    await browser.dispose();
  });
});
