import { expect, test } from "@playwright/test";
import { bearer, nodeHttp } from "../helpers";
import { freshDataDir, startServer } from "../servers";

// A server of its own: the suite's servers leave bin creation open.
test("with HOOKSCOPE_CREATE_TOKEN set, only holders of the code create bins; capture stays open", async ({
  playwright,
}) => {
  const code = "s3cret-access-code";
  const server = await startServer({
    name: "gated",
    port: 3316,
    env: { HOOKSCOPE_DATA_DIR: freshDataDir("gated"), HOOKSCOPE_CREATE_TOKEN: code },
  });
  const api = await playwright.request.newContext({ baseURL: server.url });
  try {
    const refused = await api.post("/api/bins", { data: {} });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error).toMatchObject({ code: "access_code_required" });
    const wrong = await api.post("/api/bins", { data: {}, headers: { authorization: `Bearer ${code}x` } });
    expect(wrong.status()).toBe(401);

    const created = await api.post("/api/bins", { data: {}, headers: { authorization: `Bearer ${code}` } });
    expect(created.status()).toBe(201);
    const bin = await created.json();
    const capture = await nodeHttp(`${server.url}/h/${bin.id}/open`, { body: "anyone may send" });
    expect(capture.status).toBe(200);
    const list = await api.get(`/api/bins/${bin.id}/requests`, { headers: bearer(bin) });
    expect((await list.json()).requests).toHaveLength(1);
  } finally {
    await api.dispose();
    await server.stop();
  }
});

test("with CAPTURE_URL set, bins hand senders that origin and the dashboard keeps its own", async ({
  playwright,
}) => {
  const server = await startServer({
    name: "capture-origin",
    port: 3317,
    env: { HOOKSCOPE_DATA_DIR: freshDataDir("capture-origin"), CAPTURE_URL: "http://localhost:3317/" },
  });
  const api = await playwright.request.newContext({ baseURL: server.url });
  try {
    const bin = await (await api.post("/api/bins", { data: {} })).json();
    expect(bin.captureUrl).toBe(`http://localhost:3317/h/${bin.id}`);
    expect(bin.dashboardUrl).toBe(`${server.url}/bins/${bin.id}`);
    expect((await nodeHttp(`${bin.captureUrl}/in`, { body: "x" })).status).toBe(200);
    const har = await (
      await api.get(`/api/bins/${bin.id}/export?format=har`, { headers: bearer(bin) })
    ).json();
    expect(har.log.entries[0].request.url).toBe(`http://localhost:3317/h/${bin.id}/in`);
  } finally {
    await api.dispose();
    await server.stop();
  }
});
