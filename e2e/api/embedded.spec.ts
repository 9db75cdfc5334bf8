import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { bearer, nodeHttp } from "../helpers";
import { freshDataDir, startServer } from "../servers";

// These start servers of their own on private data folders, away from the shared suite servers.
test.describe("the embedded database", () => {
  test("keeps bins and requests across a restart", async ({ playwright }) => {
    const dataDir = freshDataDir("restart");
    const port = 3311;
    let server = await startServer({ name: "restart-1", port, env: { HOOKSCOPE_DATA_DIR: dataDir } });
    const api = await playwright.request.newContext({ baseURL: server.url });
    const bin = await (await api.post("/api/bins", { data: { name: "durable" } })).json();
    const body = Buffer.from([0xde, 0xad, 0xbe, 0xef]);
    const capture = await nodeHttp(`${server.url}/h/${bin.id}/kept`, { body });
    await server.stop();

    server = await startServer({ name: "restart-2", port, env: { HOOKSCOPE_DATA_DIR: dataDir } });
    const response = await api.get(
      `/api/bins/${bin.id}/requests/${capture.headers["x-hookscope-request-id"]}`,
      {
        headers: bearer(bin),
      },
    );
    expect(response.status()).toBe(200);
    const detail = await response.json();
    expect(detail.path).toBe("/kept");
    expect(Buffer.from(detail.bodyBase64, "base64").equals(body)).toBe(true);
    await server.stop();
    await api.dispose();
  });

  test("refuses a second process on the same data folder, naming the first", async () => {
    const dataDir = freshDataDir("locked");
    const first = await startServer({ name: "lock-1", port: 3312, env: { HOOKSCOPE_DATA_DIR: dataDir } });
    try {
      await expect(
        startServer({ name: "lock-2", port: 3313, env: { HOOKSCOPE_DATA_DIR: dataDir } }),
      ).rejects.toThrow(/exited with 1/);
      const log = readFileSync(path.join("test-results", "server-logs", "lock-2.log"), "utf8");
      expect(log).toContain(`in use by another Hookscope process (pid ${first.process.pid})`);
      // The first one is unharmed.
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    } finally {
      await first.stop();
    }
  });
});
