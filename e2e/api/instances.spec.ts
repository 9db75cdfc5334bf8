import { expect, test } from "@playwright/test";
import { bearer, createBin, nodeHttp, openEventStream } from "../helpers";
import { serverUrl } from "../servers";

// Two instances share one Postgres: a capture on either reaches a dashboard open on the other.
test.describe("several instances on one Postgres", () => {
  test("streams a capture taken by one instance to a client of the other", async ({ request }) => {
    const bin = await createBin(request);
    const stream = openEventStream(`${serverUrl("postgresB")}/api/bins/${bin.id}/events`, bearer(bin));
    await stream.opened;
    const capture = await nodeHttp(`${serverUrl("postgresA")}/h/${bin.id}/cross`, { body: "{}" });
    const [event] = await stream.waitForEvents(1);
    expect(event?.id).toBe(String(capture.headers["x-hookscope-request-id"]));
    expect(JSON.parse(event?.data ?? "").path).toBe("/cross");
    stream.close();
  });

  test("serves the same bins and requests from either instance", async ({ request }) => {
    const bin = await createBin(request);
    const capture = await nodeHttp(`${serverUrl("postgresB")}/h/${bin.id}`, { body: "from b" });
    const response = await request.get(
      `${serverUrl("postgresA")}/api/bins/${bin.id}/requests/${capture.headers["x-hookscope-request-id"]}`,
      { headers: bearer(bin) },
    );
    expect((await response.json()).bodyText).toBe("from b");
  });
});
