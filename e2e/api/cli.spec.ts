import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { nodeHttp } from "../helpers";
import { freshDataDir, startServer } from "../servers";

// The CLI against a server of its own, so the test can restart that server under it.
test.describe("hookscope forward", () => {
  let target: Server;
  let targetUrl = "";
  const received: string[] = [];

  test.beforeAll(async () => {
    target = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        received.push(`${req.method} ${req.url} ${Buffer.concat(chunks).toString()}`);
        res.writeHead(202);
        res.end();
      });
    });
    await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  });

  test.afterAll(() => target.close());

  test("forwards live requests to a local server, and misses none across a server restart", async () => {
    const dataDir = freshDataDir("cli");
    const port = 3331;
    let server = await startServer({ name: "cli-1", port, env: { HOOKSCOPE_DATA_DIR: dataDir } });
    const bin = (await (await fetch(`${server.url}/api/bins`, { method: "POST" })).json()) as {
      id: string;
      token: string;
      captureUrl: string;
    };
    await nodeHttp(`${bin.captureUrl}/before`, { body: "old" });

    const output: string[] = [];
    let cli: ChildProcess | undefined;
    try {
      cli = spawn(
        process.execPath,
        [
          path.join("dist", "cli.mjs"),
          "forward",
          bin.captureUrl,
          "--to",
          `${targetUrl}/local`,
          "--token",
          bin.token,
          "--path",
        ],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      cli.stdout?.on("data", (chunk: Buffer) => output.push(...chunk.toString().trim().split("\n")));
      cli.stderr?.on("data", (chunk: Buffer) => output.push(...chunk.toString().trim().split("\n")));
      await expect.poll(() => output.some((line) => line.includes("connected"))).toBe(true);

      await nodeHttp(`${bin.captureUrl}/one`, { body: "1" });
      await nodeHttp(`${bin.captureUrl}/two?x=2`, { body: "2" });
      await expect.poll(() => received.length).toBe(2);

      await server.stop();
      server = await startServer({ name: "cli-2", port, env: { HOOKSCOPE_DATA_DIR: dataDir } });
      // Sent before the CLI has reconnected: it must get them from the stream's backfill.
      await nodeHttp(`${bin.captureUrl}/three`, { body: "3" });
      await nodeHttp(`${bin.captureUrl}/four`, { body: "4" });
      await expect.poll(() => received.length, { timeout: 20_000 }).toBe(4);

      expect(received).toEqual([
        "POST /local/one 1",
        "POST /local/two?x=2 2",
        "POST /local/three 3",
        "POST /local/four 4",
      ]);
      const forwarded = output.filter((line) => line.includes("→ 202"));
      expect(forwarded).toHaveLength(4);
      expect(forwarded[0]).toMatch(/POST\s+\/one\s+\[unchecked\]\s+→ 202/);
    } finally {
      cli?.kill("SIGINT");
      await server.stop();
    }
  });
});
