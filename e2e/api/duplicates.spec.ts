import { expect, test } from "@playwright/test";
import { bearer, type CreatedBin, createBin, getDetail, nodeHttp } from "../helpers";

interface Duplicate {
  isDuplicate: boolean;
  key: string;
  keySource: string;
  firstId: string;
  occurrence: number;
  deliveries: number;
}

async function deliver(
  baseURL: string | undefined,
  bin: CreatedBin,
  headers: Record<string, string>,
  body: string,
) {
  const response = await nodeHttp(`${baseURL}/h/${bin.id}/hook`, {
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  expect(response.status).toBe(200);
  return String(response.headers["x-hookscope-request-id"]);
}

async function duplicateOf(request: Parameters<typeof getDetail>[0], bin: CreatedBin, id: string) {
  return (await getDetail(request, bin, id)).duplicate as Duplicate | null;
}

test.describe("duplicate deliveries", () => {
  test("flags GitHub's redeliveries of one delivery id, pointing to the first", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    const headers = { "X-GitHub-Event": "push", "X-GitHub-Delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958" };
    const ids: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++)
      ids.push(await deliver(baseURL, bin, headers, '{"ref":"main"}'));
    const [first, second, third] = await Promise.all(ids.map((id) => duplicateOf(request, bin, id)));
    expect(first).toEqual({
      isDuplicate: false,
      key: "github-delivery:72d3162e-cc78-11e3-81ab-4c9367dc0958",
      keySource: "github-delivery",
      firstId: ids[0],
      occurrence: 1,
      deliveries: 3,
    });
    expect(second).toMatchObject({ isDuplicate: true, firstId: ids[0], occurrence: 2 });
    expect(third).toMatchObject({ isDuplicate: true, firstId: ids[0], occurrence: 3 });
  });

  test("flags every resend of a retry storm, with backoff between attempts", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const event = JSON.stringify({
      id: "evt_1NG8Du2eZvKYlo2CUI79vXWy",
      object: "event",
      type: "invoice.paid",
    });
    const ids: string[] = [];
    for (const delay of [0, 20, 40, 80, 160]) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      ids.push(await deliver(baseURL, bin, { "Stripe-Signature": "t=1,v1=00" }, event));
    }
    const flags = await Promise.all(ids.map((id) => duplicateOf(request, bin, id)));
    expect(flags.map((flag) => flag?.occurrence)).toEqual([1, 2, 3, 4, 5]);
    expect(flags.slice(1).every((flag) => flag?.isDuplicate && flag.firstId === ids[0])).toBe(true);
    expect(flags[0]?.keySource).toBe("stripe-event");
  });

  test("numbers 50 simultaneous deliveries of one key 1…50 and stores them all", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    const ids = await Promise.all(
      Array.from({ length: 50 }, () =>
        deliver(baseURL, bin, { "webhook-id": "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W" }, "{}"),
      ),
    );
    const list = await request.get(`/api/bins/${bin.id}/requests?limit=100`, { headers: bearer(bin) });
    const summaries = (await list.json()).requests as { id: string; duplicate: Duplicate }[];
    expect(summaries.map((summary) => summary.id).sort()).toEqual([...ids].sort());
    const occurrences = summaries.map((summary) => summary.duplicate.occurrence).sort((a, b) => a - b);
    expect(occurrences).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    const firsts = summaries.filter((summary) => !summary.duplicate.isDuplicate);
    expect(firsts).toHaveLength(1);
    expect(summaries.every((summary) => summary.duplicate.firstId === firsts[0]?.id)).toBe(true);
  });

  test("fingerprints identical keyless requests and can be told not to", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const a = await deliver(baseURL, bin, {}, '{"same":true}');
    const b = await deliver(baseURL, bin, {}, '{"same":true}');
    const c = await deliver(baseURL, bin, {}, '{"same":false}');
    expect((await duplicateOf(request, bin, b))?.firstId).toBe(a);
    expect((await duplicateOf(request, bin, b))?.keySource).toBe("fingerprint");
    expect((await duplicateOf(request, bin, c))?.isDuplicate).toBe(false);

    const patched = await request.patch(`/api/bins/${bin.id}`, {
      headers: bearer(bin),
      data: { duplicates: { fingerprint: false } },
    });
    expect(patched.status()).toBe(200);
    expect((await patched.json()).settings.duplicates).toEqual({ fingerprint: false });
    const d = await deliver(baseURL, bin, {}, '{"same":true}');
    expect(await duplicateOf(request, bin, d)).toBeNull();
  });

  test("uses the header or JSON path a bin names", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    await request.patch(`/api/bins/${bin.id}`, {
      headers: bearer(bin),
      data: { duplicates: { header: "X-Event-Id" } },
    });
    const first = await deliver(baseURL, bin, { "x-event-id": "e-1" }, '{"n":1}');
    const retry = await deliver(baseURL, bin, { "X-Event-Id": "e-1" }, '{"n":2}');
    expect(await duplicateOf(request, bin, retry)).toMatchObject({ key: "header:e-1", firstId: first });

    await request.patch(`/api/bins/${bin.id}`, {
      headers: bearer(bin),
      data: { duplicates: { header: null, jsonPath: "event.id" } },
    });
    const one = await deliver(baseURL, bin, {}, '{"event":{"id":"abc","n":1}}');
    const two = await deliver(baseURL, bin, {}, '{"event":{"id":"abc","n":2}}');
    expect(await duplicateOf(request, bin, two)).toMatchObject({ key: "json-path:abc", firstId: one });
  });

  test("rejects invalid duplicate settings with 400 and a message", async ({ request }) => {
    const bin = await createBin(request);
    for (const [duplicates, message] of [
      [{ header: "not a header" }, "header"],
      [{ jsonPath: "a..b" }, "jsonPath"],
      [{ fingerprint: "yes" }, "fingerprint"],
      [{ unknown: 1 }, "unknown"],
    ] as const) {
      const response = await request.patch(`/api/bins/${bin.id}`, {
        headers: bearer(bin),
        data: { duplicates },
      });
      expect(response.status()).toBe(400);
      expect((await response.json()).error.message).toContain(message);
    }
  });

  test("hides retries from the list on request", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const headers = { "X-Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043" };
    const first = await deliver(baseURL, bin, headers, "{}");
    await deliver(baseURL, bin, headers, "{}");
    const other = await deliver(baseURL, bin, { "Idempotency-Key": "k-2" }, "{}");
    const response = await request.get(`/api/bins/${bin.id}/requests?duplicates=hide`, {
      headers: bearer(bin),
    });
    const listed = (await response.json()).requests as { id: string; duplicate: Duplicate }[];
    expect(listed.map((summary) => summary.id)).toEqual([other, first]);
    expect(listed[1]?.duplicate.deliveries).toBe(2);
    const invalid = await request.get(`/api/bins/${bin.id}/requests?duplicates=maybe`, {
      headers: bearer(bin),
    });
    expect(invalid.status()).toBe(400);
  });

  test("accepts duplicate settings when a bin is created", async ({ request }) => {
    const response = await request.post("/api/bins", { data: { duplicates: { jsonPath: "$.data.id" } } });
    expect(response.status()).toBe(201);
    expect((await response.json()).settings.duplicates).toEqual({ fingerprint: true, jsonPath: "$.data.id" });
  });
});
