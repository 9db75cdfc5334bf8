import { expect, test } from "@playwright/test";
import { bearer, createBin, nodeHttp, openEventStream } from "../helpers";

test.describe("event stream", () => {
  test("streams each capture as a `request` event with its summary, at once", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    const stream = openEventStream(`${baseURL}/api/bins/${bin.id}/events`, bearer(bin));
    const response = await stream.opened;
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(response.headers["cache-control"]).toContain("no-transform");

    const started = Date.now();
    const capture = await nodeHttp(`${baseURL}/h/${bin.id}/live?x=1`, { body: '{"a":1}' });
    const [event] = await stream.waitForEvents(1);
    const elapsed = Date.now() - started;
    const id = String(capture.headers["x-hookscope-request-id"]);
    expect(event?.event).toBe("request");
    expect(event?.id).toBe(id);
    expect(JSON.parse(event?.data ?? "")).toMatchObject({
      id,
      binId: bin.id,
      path: "/live",
      query: "x=1",
      bodySize: 7,
    });
    expect(elapsed).toBeLessThan(2_000);
    stream.close();
  });

  test("sends only this bin's requests", async ({ request, baseURL }) => {
    const [watched, other] = [await createBin(request), await createBin(request)];
    const stream = openEventStream(`${baseURL}/api/bins/${watched.id}/events`, bearer(watched));
    await stream.opened;
    await nodeHttp(`${baseURL}/h/${other.id}/other`, { body: "" });
    await nodeHttp(`${baseURL}/h/${watched.id}/mine`, { body: "" });
    const events = await stream.waitForEvents(1);
    expect(events.map((event) => JSON.parse(event.data).path)).toEqual(["/mine"]);
    stream.close();
  });

  test("replays what a reconnecting client missed after Last-Event-ID, none twice", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    const first = openEventStream(`${baseURL}/api/bins/${bin.id}/events`, bearer(bin));
    await first.opened;
    await nodeHttp(`${baseURL}/h/${bin.id}/1`, { body: "" });
    const [seen] = await first.waitForEvents(1);
    first.close();

    const missed: string[] = [];
    for (const path of ["/2", "/3", "/4"]) {
      const capture = await nodeHttp(`${baseURL}/h/${bin.id}${path}`, { body: "" });
      missed.push(String(capture.headers["x-hookscope-request-id"]));
    }
    const second = openEventStream(`${baseURL}/api/bins/${bin.id}/events`, {
      ...bearer(bin),
      "last-event-id": seen?.id ?? "",
    });
    await second.opened;
    const live = await nodeHttp(`${baseURL}/h/${bin.id}/5`, { body: "" });
    const events = await second.waitForEvents(4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(second.events.map((event) => event.id)).toEqual([
      ...missed,
      String(live.headers["x-hookscope-request-id"]),
    ]);
    expect(events.map((event) => JSON.parse(event.data).path)).toEqual(["/2", "/3", "/4", "/5"]);
    second.close();
  });

  test("accepts the starting point as ?lastEventId= on a first connection", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const before = await nodeHttp(`${baseURL}/h/${bin.id}/before`, { body: "" });
    const after = await nodeHttp(`${baseURL}/h/${bin.id}/after`, { body: "" });
    const stream = openEventStream(
      `${baseURL}/api/bins/${bin.id}/events?lastEventId=${before.headers["x-hookscope-request-id"]}`,
      bearer(bin),
    );
    const [event] = await stream.waitForEvents(1);
    expect(event?.id).toBe(String(after.headers["x-hookscope-request-id"]));
    stream.close();
  });

  test("rejects a malformed Last-Event-ID", async ({ request }) => {
    const bin = await createBin(request);
    const response = await request.get(`/api/bins/${bin.id}/events`, {
      headers: { ...bearer(bin), "last-event-id": "not-a-number" },
    });
    expect(response.status()).toBe(400);
  });

  test("delivers every request of a burst to a connected stream", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const stream = openEventStream(`${baseURL}/api/bins/${bin.id}/events`, bearer(bin));
    await stream.opened;
    const captures = await Promise.all(
      Array.from({ length: 60 }, (_, index) => nodeHttp(`${baseURL}/h/${bin.id}/${index}`, { body: "" })),
    );
    await stream.waitForEvents(60);
    const ids = new Set(stream.events.map((event) => event.id));
    expect(ids.size).toBe(60);
    for (const capture of captures)
      expect(ids.has(String(capture.headers["x-hookscope-request-id"]))).toBe(true);
    stream.close();
  });
});
