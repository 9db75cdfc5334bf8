import { expect, test } from "@playwright/test";
import { bearer, createBin, getDetail, nodeHttp } from "../helpers";

test.describe("requests API", () => {
  test("lists summaries newest first, page by page, with a cursor", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    for (let index = 0; index < 25; index++) {
      await nodeHttp(`${baseURL}/h/${bin.id}/n/${index}`, { body: `${index}` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&before=${cursor}` : "";
      const response = await request.get(`/api/bins/${bin.id}/requests?limit=10${query}`, {
        headers: bearer(bin),
      });
      expect(response.status()).toBe(200);
      const page = (await response.json()) as { requests: { path: string }[]; nextCursor: string | null };
      seen.push(...page.requests.map((summary) => summary.path));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => `/n/${24 - index}`));
  });

  test("summaries carry what a list needs and no body", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    await nodeHttp(`${baseURL}/h/${bin.id}/s?x=1`, {
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    const response = await request.get(`/api/bins/${bin.id}/requests`, { headers: bearer(bin) });
    const [summary] = (await response.json()).requests;
    expect(Object.keys(summary).sort()).toEqual(
      [
        "binId",
        "bodySize",
        "bodyTooLarge",
        "contentType",
        "duplicate",
        "id",
        "method",
        "path",
        "previousId",
        "query",
        "receivedAt",
        "remoteAddr",
        "responseStatus",
        "signature",
      ].sort(),
    );
    expect(summary).toMatchObject({
      method: "POST",
      path: "/s",
      query: "x=1",
      bodySize: 5,
      contentType: "text/plain",
      previousId: null,
    });
    // The next request of the bin names this one as the request stored before it.
    await nodeHttp(`${baseURL}/h/${bin.id}/t`, { body: "again" });
    const [next] = (
      await (await request.get(`/api/bins/${bin.id}/requests`, { headers: bearer(bin) })).json()
    ).requests;
    expect(next.previousId).toBe(summary.id);
  });

  test("returns the full request", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const capture = await nodeHttp(`${baseURL}/h/${bin.id}/full`, {
      headers: { "X-Test": "1" },
      body: "hello",
    });
    const detail = await getDetail(request, bin, String(capture.headers["x-hookscope-request-id"]));
    expect(detail).toMatchObject({
      binId: bin.id,
      method: "POST",
      path: "/full",
      bodyBase64: Buffer.from("hello").toString("base64"),
      bodyText: "hello",
      bodySize: 5,
      remoteAddr: "127.0.0.1",
      responseStatus: 200,
    });
    expect(detail.headers).toContainEqual(["X-Test", "1"]);
  });

  test("rejects bad query parameters and ids with 400, unknown ids with 404", async ({ request }) => {
    const bin = await createBin(request);
    for (const query of ["limit=0", "limit=501", "limit=abc", "before=-1", "before=1.5"]) {
      const response = await request.get(`/api/bins/${bin.id}/requests?${query}`, { headers: bearer(bin) });
      expect(response.status(), query).toBe(400);
      expect((await response.json()).error.message, query).toContain("Invalid query parameters");
    }
    const badId = await request.get(`/api/bins/${bin.id}/requests/abc`, { headers: bearer(bin) });
    expect(badId.status()).toBe(400);
    const unknown = await request.get(`/api/bins/${bin.id}/requests/999999999`, { headers: bearer(bin) });
    expect(unknown.status()).toBe(404);
  });
});
