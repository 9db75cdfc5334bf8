import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { recreateDatabase, testDatabaseUrl } from "../../test/postgres";
import { bearer, createBin, nodeHttp, openEventStream } from "../helpers";
import { E2E_DATABASE, E2E_SECRET_KEY, serverUrl, startServer } from "../servers";

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

  test("streams what both instances capture at once in id order, none missing, none twice", async ({
    request,
  }) => {
    const bin = await createBin(request);
    const stream = openEventStream(
      `${serverUrl("postgresB")}/api/bins/${bin.id}/events?lastEventId=0`,
      bearer(bin),
    );
    await stream.opened;
    // Local captures reach B's stream at once, A's a few milliseconds later through Postgres.
    const captures = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        nodeHttp(`${serverUrl(i % 2 ? "postgresA" : "postgresB")}/h/${bin.id}/both/${i}`, { body: "{}" }),
      ),
    );
    const ids = captures.map((capture) => Number(capture.headers["x-hookscope-request-id"]));
    const events = await stream.waitForEvents(120);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.map((event) => Number(event.id))).toEqual(ids.sort((a, b) => a - b));
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

test.describe("an instance dying under load", () => {
  test("loses nothing it acknowledged; the other instance serves it all", async ({ request }) => {
    const databaseUrl = testDatabaseUrl(E2E_DATABASE);
    const env = { DATABASE_URL: databaseUrl, HOOKSCOPE_SECRET_KEY: E2E_SECRET_KEY };
    const doomed = await startServer({ name: "doomed", port: 3321, env });
    const bin = await createBin(request);
    const acknowledged: string[] = [];
    let failures = 0;
    const sender = async (worker: number) => {
      for (let index = 0; index < 400; index++) {
        try {
          const response = await nodeHttp(`${doomed.url}/h/${bin.id}/w${worker}/${index}`, {
            body: `${worker}:${index}`,
          });
          if (response.status === 200) acknowledged.push(String(response.headers["x-hookscope-request-id"]));
        } catch {
          failures++;
          return;
        }
      }
    };
    const load = Promise.all(Array.from({ length: 20 }, (_, worker) => sender(worker)));
    await new Promise((resolve) => setTimeout(resolve, 400));
    doomed.process.kill("SIGKILL");
    await load;
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(failures).toBeGreaterThan(0);

    const stored = new Set<string>();
    for (let cursor: string | null = null; ; ) {
      const page = await request.get(
        `${serverUrl("postgresB")}/api/bins/${bin.id}/requests?limit=500${cursor ? `&before=${cursor}` : ""}`,
        { headers: bearer(bin) },
      );
      const json = (await page.json()) as { requests: { id: string }[]; nextCursor: string | null };
      for (const summary of json.requests) stored.add(summary.id);
      cursor = json.nextCursor;
      if (!cursor) break;
    }
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
  });
});

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

test.describe("an instance whose log reader is gone", () => {
  test("drops its log lines and stays idle instead of spinning on the closed pipe", async ({ request }) => {
    const databaseUrl = await recreateDatabase("hookscope_e2e_orphan");
    const env = { DATABASE_URL: databaseUrl, HOOKSCOPE_SECRET_KEY: E2E_SECRET_KEY };
    const orphan = await startServer({ name: "orphan", port: 3322, env });
    try {
      const created = await request.post(`${orphan.url}/api/bins`, { data: {} });
      const bin = (await created.json()) as { id: string };
      orphan.process.stdout?.destroy();
      orphan.process.stderr?.destroy();
      // Its database gone, the next capture fails and is logged, into the closed pipe.
      await recreateDatabase("hookscope_e2e_orphan");
      const failed = await nodeHttp(`${orphan.url}/h/${bin.id}/after`, { body: "{}" });
      expect(failed.status).toBeGreaterThanOrEqual(500);
      const pid = orphan.process.pid ?? 0;
      const before = cpuSeconds(pid);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(cpuSeconds(pid) - before).toBeLessThan(0.5);
      const again = await nodeHttp(`${orphan.url}/h/${bin.id}/again`, { body: "{}" });
      expect(again.status).toBeGreaterThanOrEqual(500);
    } finally {
      orphan.process.kill("SIGKILL");
    }
  });
});
