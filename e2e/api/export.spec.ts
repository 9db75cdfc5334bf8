import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import type { Har } from "har-format";
import { curlCommand } from "../../core/export/curl";
import { bearer, createBin, getDetail, nodeHttp } from "../helpers";

const run = promisify(execFile);

test.describe("export, import and copy as curl", () => {
  test("a HAR export imports into another bin byte for byte, times and order kept", async ({
    request,
    baseURL,
  }) => {
    const source = await createBin(request);
    const binary = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 10, 13]);
    const sent: { path: string; headers: Record<string, string>; body: string | Buffer }[] = [
      {
        path: "/json?x=1",
        headers: { "content-type": "application/json", "x-event": "a" },
        body: '{"id":"evt_1"}',
      },
      { path: "/bin", headers: { "content-type": "application/octet-stream" }, body: binary },
      { path: "/text", headers: { "content-type": "text/plain; charset=utf-8" }, body: "héllo\nwörld" },
    ];
    for (const item of sent) await nodeHttp(`${baseURL}/h/${source.id}${item.path}`, item);

    const exported = await request.get(`/api/bins/${source.id}/export?format=har`, {
      headers: bearer(source),
    });
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-disposition"]).toMatch(/^attachment; filename="hookscope-.+\.har"$/);
    const har = (await exported.json()) as Har;
    expect(har.log.version).toBe("1.2");
    expect(har.log.entries.map((entry) => new URL(entry.request.url).pathname)).toEqual([
      `/h/${source.id}/json`,
      `/h/${source.id}/bin`,
      `/h/${source.id}/text`,
    ]);

    const target = await createBin(request);
    const imported = await request.post(`/api/bins/${target.id}/import`, {
      headers: { ...bearer(target), "content-type": "application/json" },
      data: har,
    });
    expect(imported.status()).toBe(201);
    const { ids } = (await imported.json()) as { ids: string[] };
    expect(ids).toHaveLength(3);
    const originals = (
      await (await request.get(`/api/bins/${source.id}/requests`, { headers: bearer(source) })).json()
    ).requests.reverse() as { id: string }[];
    for (const [index, id] of ids.entries()) {
      const copy = await getDetail(request, target, id);
      const original = await getDetail(request, source, originals[index]?.id ?? "");
      expect(copy.bodyBase64).toBe(original.bodyBase64);
      expect(copy.headers).toEqual(original.headers);
      expect(copy.path + copy.query).toBe(original.path + original.query);
      expect(copy.receivedAt).toBe(original.receivedAt);
    }
  });

  test("the JSON export round-trips and follows the filter", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    await nodeHttp(`${baseURL}/h/${bin.id}/keep`, { body: "needle" });
    await nodeHttp(`${baseURL}/h/${bin.id}/skip`, { body: "hay" });
    const response = await request.get(`/api/bins/${bin.id}/export?format=json&q=needle`, {
      headers: bearer(bin),
    });
    const document = await response.json();
    expect(document).toMatchObject({ format: "hookscope.requests", version: 1, bin: { id: bin.id } });
    expect(document.requests.map((r: { path: string }) => r.path)).toEqual(["/keep"]);
    const other = await createBin(request);
    const imported = await request.post(`/api/bins/${other.id}/import`, {
      headers: bearer(other),
      data: document,
    });
    expect(imported.status()).toBe(201);
    const detail = await getDetail(request, other, (await imported.json()).ids[0]);
    expect(detail.bodyText).toBe("needle");
  });

  test("a bad import is a 400 that says what is wrong, and stores nothing", async ({ request }) => {
    const bin = await createBin(request);
    const notJson = await request.post(`/api/bins/${bin.id}/import`, { headers: bearer(bin), data: "{nope" });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error.message).toMatch(/not JSON/);
    const badEntry = await request.post(`/api/bins/${bin.id}/import`, {
      headers: bearer(bin),
      data: {
        log: { entries: [{ request: { method: "GET", url: "https://x.test/h/a/b", headers: [] } }, {}] },
      },
    });
    expect(badEntry.status()).toBe(400);
    expect((await badEntry.json()).error.message).toMatch(/log\.entries\[1\]/);
    const list = await request.get(`/api/bins/${bin.id}/requests`, { headers: bearer(bin) });
    expect((await list.json()).requests).toEqual([]);
  });

  test("a generated curl command, run for real, reproduces the capture byte for byte", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    const bodies = [
      Buffer.from(`{"quote":"it's $HOME \`id\` $(id)","emoji":"🎉"}\n`),
      Buffer.from([0, 0xff, 0x27, 0x24, 10, 0x5c, 0x80]),
    ];
    for (const body of bodies) {
      const sent = await nodeHttp(`${baseURL}/h/${bin.id}/curl/../x%2Fy?a='b'&c=$d`, {
        headers: { "content-type": "application/json", "x-quote": "a'b\"c$d" },
        body,
      });
      const original = await getDetail(request, bin, String(sent.headers["x-hookscope-request-id"]));
      const { signature: _signature, duplicate: _duplicate, ...exportable } = original;
      const command = curlCommand(exportable, { origin: baseURL ?? "" });
      const waiting = request.get(`/api/bins/${bin.id}/requests/next?after=${original.id}&timeout=10`, {
        headers: bearer(bin),
      });
      await run("bash", ["-c", command]);
      const copy = await waiting;
      expect(copy.status()).toBe(200);
      const replayed = await copy.json();
      expect(Buffer.from(replayed.bodyBase64, "base64").equals(body)).toBe(true);
      expect(replayed.path).toBe(original.path);
      expect(replayed.query).toBe(original.query);
      expect(replayed.headers.find(([name]: [string]) => name.toLowerCase() === "x-quote")?.[1]).toBe(
        "a'b\"c$d",
      );
    }
  });
});
