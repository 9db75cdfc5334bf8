import { expect, test } from "@playwright/test";
import { bearer, createBin, nodeHttp } from "../helpers";

test.describe("waiting for a request (for integration tests)", () => {
  test("answers with the next request as soon as it arrives", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    await nodeHttp(`${baseURL}/h/${bin.id}/earlier`, { body: "old" });
    const started = Date.now();
    const waiting = request.get(`/api/bins/${bin.id}/requests/next?timeout=10`, { headers: bearer(bin) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await nodeHttp(`${baseURL}/h/${bin.id}/later`, { body: "new" });
    const response = await waiting;
    expect(response.status()).toBe(200);
    const detail = await response.json();
    expect(detail).toMatchObject({ path: "/later", bodyText: "new" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("returns one already stored after the cursor, filtered by method", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const first = await nodeHttp(`${baseURL}/h/${bin.id}/a`, { body: "" });
    await nodeHttp(`${baseURL}/h/${bin.id}/b`, { body: "" });
    await nodeHttp(`${baseURL}/h/${bin.id}/c`, { method: "PUT", body: "" });
    const response = await request.get(
      `/api/bins/${bin.id}/requests/next?after=${first.headers["x-hookscope-request-id"]}&method=put&timeout=2`,
      { headers: bearer(bin) },
    );
    expect((await response.json()).path).toBe("/c");
  });

  test("answers 204 at the timeout, and 400 for a bad timeout", async ({ request }) => {
    const bin = await createBin(request);
    const response = await request.get(`/api/bins/${bin.id}/requests/next?timeout=0.5`, {
      headers: bearer(bin),
    });
    expect(response.status()).toBe(204);
    const bad = await request.get(`/api/bins/${bin.id}/requests/next?timeout=600`, { headers: bearer(bin) });
    expect(bad.status()).toBe(400);
  });
});
