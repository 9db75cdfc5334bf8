import { expect, test } from "@playwright/test";
import { bearer, createBin, nodeHttp, openEventStream } from "../helpers";

interface Listed {
  requests: { path: string; method: string; responseStatus: number }[];
  nextCursor: string | null;
}

test.describe("filtering and searching requests", () => {
  test("the list answers every filter, combined, with the database doing the search", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    await nodeHttp(`${baseURL}/h/${bin.id}/orders`, {
      headers: { "content-type": "application/json", "x-shop": "acme.example" },
      body: '{"event":"order.created","email":"ada@example.com"}',
    });
    await nodeHttp(`${baseURL}/h/${bin.id}/orders`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: '{"event":"order.updated","email":"grace@example.com"}',
    });
    await nodeHttp(`${baseURL}/h/${bin.id}/ping?probe=1`, { method: "GET" });
    const list = async (query: string) => {
      const response = await request.get(`/api/bins/${bin.id}/requests?${query}`, { headers: bearer(bin) });
      expect(response.status(), query).toBe(200);
      return ((await response.json()) as Listed).requests.map((r) => `${r.method} ${r.path}`);
    };
    expect(await list("q=ADA@example")).toEqual(["POST /orders"]);
    expect(await list("q=acme.example")).toEqual(["POST /orders"]);
    expect(await list("q=probe=1")).toEqual(["GET /ping"]);
    expect(await list(`q=${encodeURIComponent('"order." example.com')}`)).toEqual([
      "PUT /orders",
      "POST /orders",
    ]);
    expect(await list("method=put,get")).toEqual(["GET /ping", "PUT /orders"]);
    expect(await list("method=POST&q=grace")).toEqual([]);
    expect(await list("status=2xx&verdict=valid")).toEqual([]);
    expect(await list("status=2xx&verdict=unchecked")).toHaveLength(3);
    expect(await list("status=2xx")).toHaveLength(3);
    expect(await list(`since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual(
      [],
    );
    expect(await list(`until=${Date.now() + 60_000}`)).toHaveLength(3);
  });

  test("a bad filter is a 400 that says which parameter is wrong", async ({ request }) => {
    const bin = await createBin(request);
    for (const query of [
      "status=abc",
      "verdict=maybe",
      "since=tomorrow",
      "duplicates=all",
      `q=${"x".repeat(300)}`,
    ]) {
      const response = await request.get(`/api/bins/${bin.id}/requests?${query}`, { headers: bearer(bin) });
      expect(response.status(), query).toBe(400);
      const { error } = await response.json();
      expect(error.message, query).toMatch(
        new RegExp(`^Invalid query parameters: ${query.split("=")[0]}\\b`),
      );
    }
  });

  test("the event stream sends only what passes the filter, search included", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    const stream = openEventStream(
      `${baseURL}/api/bins/${bin.id}/events?method=POST&q=${encodeURIComponent("needle")}`,
      bearer(bin),
    );
    await stream.opened;
    await nodeHttp(`${baseURL}/h/${bin.id}/hay`, { body: "just hay" });
    await nodeHttp(`${baseURL}/h/${bin.id}/wrong-method`, { method: "PUT", body: "needle" });
    await nodeHttp(`${baseURL}/h/${bin.id}/first`, { body: "a needle here" });
    await nodeHttp(`${baseURL}/h/${bin.id}/second`, { headers: { "x-needle": "1" }, body: "" });
    const events = await stream.waitForEvents(2);
    expect(events.map((event) => JSON.parse(event.data).path)).toEqual(["/first", "/second"]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.events).toHaveLength(2);
    stream.close();
  });

  test("a resumed stream backfills only matching requests", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const first = await nodeHttp(`${baseURL}/h/${bin.id}/start`, { body: "" });
    await nodeHttp(`${baseURL}/h/${bin.id}/miss`, { body: "" });
    await nodeHttp(`${baseURL}/h/${bin.id}/hit`, { method: "DELETE", body: "" });
    const stream = openEventStream(`${baseURL}/api/bins/${bin.id}/events?method=DELETE`, {
      ...bearer(bin),
      "last-event-id": String(first.headers["x-hookscope-request-id"]),
    });
    const [event] = await stream.waitForEvents(1);
    expect(JSON.parse(event?.data ?? "{}").path).toBe("/hit");
    stream.close();
  });

  test("waiting for a request honours a search", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const waiting = request.get(`/api/bins/${bin.id}/requests/next?timeout=10&q=evt_42`, {
      headers: bearer(bin),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await nodeHttp(`${baseURL}/h/${bin.id}/other`, { body: '{"id":"evt_41"}' });
    await nodeHttp(`${baseURL}/h/${bin.id}/wanted`, { body: '{"id":"evt_42"}' });
    const response = await waiting;
    expect(response.status()).toBe(200);
    expect((await response.json()).path).toBe("/wanted");
  });
});
