import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { bearer, createBin, getDetail, nodeHttp, rawHttp } from "../helpers";
import { E2E_MAX_BODY_BYTES } from "../servers";

test.describe("capture", () => {
  test("accepts every method and answers with the stored request's id", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]) {
      const response = await nodeHttp(`${baseURL}/h/${bin.id}/m`, {
        method,
        body: method === "GET" ? "" : "x",
      });
      expect(response.status, method).toBe(200);
      const id = response.headers["x-hookscope-request-id"];
      expect(id, method).toMatch(/^\d+$/);
      if (method === "HEAD") {
        expect(response.body.length).toBe(0);
      } else {
        expect(JSON.parse(response.body.toString())).toEqual({ ok: true, id });
      }
      expect((await getDetail(request, bin, String(id))).method).toBe(method);
    }
  });

  test("stores the request line and headers exactly as they crossed the wire", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    const body = '{ "spaced" :  true,\n "order": [3,1,2] }';
    const response = await rawHttp(
      baseURL ?? "",
      [
        `POST /h/${bin.id}/a%2Fb/./c/../d/?z=1&a=%C3%A9&a=2&empty= HTTP/1.1`,
        "Host: example.test",
        "X-Repeated: first",
        "content-TYPE: application/json",
        "X-Repeated: second",
        "X-Forwarded-For: 203.0.113.9",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "Connection: close",
        "",
        body,
      ].join("\r\n"),
    );
    expect(response.status).toBe(200);
    const detail = await getDetail(request, bin, String(response.headers["x-hookscope-request-id"]));
    expect(detail.path).toBe("/a%2Fb/./c/../d/");
    expect(detail.query).toBe("z=1&a=%C3%A9&a=2&empty=");
    expect(detail.headers).toEqual([
      ["Host", "example.test"],
      ["X-Repeated", "first"],
      ["content-TYPE", "application/json"],
      ["X-Repeated", "second"],
      ["X-Forwarded-For", "203.0.113.9"],
      ["Content-Length", String(Buffer.byteLength(body))],
      ["Connection", "close"],
    ]);
    // The JSON is kept byte for byte, never parsed and re-serialised.
    expect(detail.bodyText).toBe(body);
    expect(detail.contentType).toBe("application/json");
    // Without TRUST_PROXY the sender's own X-Forwarded-For is not believed.
    expect(detail.remoteAddr).toBe("127.0.0.1");
  });

  test("tells /h/<id> and /h/<id>/ apart", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const bare = await nodeHttp(`${baseURL}/h/${bin.id}?x=1`, { method: "GET" });
    const slash = await nodeHttp(`${baseURL}/h/${bin.id}/`, { method: "GET" });
    expect((await getDetail(request, bin, String(bare.headers["x-hookscope-request-id"]))).path).toBe("");
    expect((await getDetail(request, bin, String(slash.headers["x-hookscope-request-id"]))).path).toBe("/");
  });

  test("keeps binary bodies byte for byte and reports non-UTF-8 text as null", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    const body = Buffer.concat([Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x00]), randomBytes(200 * 1024)]);
    const response = await nodeHttp(`${baseURL}/h/${bin.id}/upload`, {
      headers: { "content-type": "application/octet-stream" },
      body,
    });
    const detail = await getDetail(request, bin, String(response.headers["x-hookscope-request-id"]));
    expect(Buffer.from(detail.bodyBase64, "base64").equals(body)).toBe(true);
    expect(detail.bodySize).toBe(body.length);
    expect(detail.bodyText).toBeNull();
  });

  test("stores form, XML, malformed JSON and NUL bytes as sent", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const cases = [
      ["application/x-www-form-urlencoded", "a=1&a=2&b=%20x+y"],
      ["application/xml", '<?xml version="1.0"?><event id="1"><![CDATA[<b>]]></event>'],
      ["application/json", '{"unterminated": [1, 2'],
      ["text/plain", "nul\u0000inside\u0000"],
    ] as const;
    for (const [contentType, body] of cases) {
      const response = await nodeHttp(`${baseURL}/h/${bin.id}`, {
        headers: { "content-type": contentType },
        body,
      });
      expect(response.status).toBe(200);
      const detail = await getDetail(request, bin, String(response.headers["x-hookscope-request-id"]));
      expect(detail.bodyText).toBe(body);
      expect(detail.contentType).toBe(contentType);
    }
  });

  test("decodes UTF-8 header values", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const value = "café ✓";
    const response = await rawHttp(
      baseURL ?? "",
      Buffer.concat([
        Buffer.from(`GET /h/${bin.id} HTTP/1.1\r\nHost: x\r\nX-Name: `),
        Buffer.from(value, "utf8"),
        Buffer.from("\r\nConnection: close\r\n\r\n"),
      ]),
    );
    const detail = await getDetail(request, bin, String(response.headers["x-hookscope-request-id"]));
    expect(detail.headers).toContainEqual(["X-Name", value]);
  });

  test("answers an unknown bin with 404 and JSON", async ({ baseURL }) => {
    for (const path of ["/h/AAAAAAAAAAAAAAAAAAAAAA", "/h/not%20an%20id/x", "/h/"]) {
      const response = await nodeHttp(`${baseURL}${path}`, { body: "{}" });
      expect(response.status, path).toBe(404);
      expect(JSON.parse(response.body.toString()).error.code).toBe("bin_not_found");
    }
  });

  test("isolates capture responses from the dashboard's origin", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const response = await nodeHttp(`${baseURL}/h/${bin.id}`, { body: "<script>alert(1)</script>" });
    expect(response.headers["content-security-policy"]).toBe("sandbox");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  test.describe("over the body limit", () => {
    const oversized = Buffer.alloc(E2E_MAX_BODY_BYTES + 1, 0x61);

    test("answers a declared oversized body with a readable 413 and records the attempt", async ({
      request,
      baseURL,
    }) => {
      const bin = await createBin(request);
      const response = await nodeHttp(`${baseURL}/h/${bin.id}/big?q=1`, {
        headers: { "content-type": "application/json", "X-Trace": "t1" },
        body: oversized,
      });
      expect(response.status).toBe(413);
      const payload = JSON.parse(response.body.toString());
      expect(payload.error.code).toBe("body_too_large");
      expect(payload.error.message).toContain("1 MiB");
      const detail = await getDetail(request, bin, payload.id);
      expect(detail).toMatchObject({
        method: "POST",
        path: "/big",
        query: "q=1",
        bodyTooLarge: true,
        bodySize: oversized.length,
        bodyBase64: "",
        responseStatus: 413,
      });
      expect(detail.headers).toContainEqual(["X-Trace", "t1"]);
    });

    test("counts an undeclared (chunked) oversized body too", async ({ request, baseURL }) => {
      const bin = await createBin(request);
      const chunks = [oversized.subarray(0, 600_000), oversized.subarray(600_000)];
      const response = await nodeHttp(`${baseURL}/h/${bin.id}`, { body: chunks });
      expect(response.status).toBe(413);
      const detail = await getDetail(request, bin, JSON.parse(response.body.toString()).id);
      expect(detail.bodyTooLarge).toBe(true);
      expect(detail.bodySize).toBe(oversized.length);
    });

    test("accepts a body exactly at the limit", async ({ request, baseURL }) => {
      const bin = await createBin(request);
      const body = oversized.subarray(0, E2E_MAX_BODY_BYTES);
      const response = await nodeHttp(`${baseURL}/h/${bin.id}`, { body });
      expect(response.status).toBe(200);
      const list = await request.get(`/api/bins/${bin.id}/requests`, { headers: bearer(bin) });
      expect((await list.json()).requests[0].bodySize).toBe(E2E_MAX_BODY_BYTES);
    });
  });

  test("stores every acknowledged request of a concurrent burst", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        nodeHttp(`${baseURL}/h/${bin.id}/burst/${index}`, { body: `${index}` }),
      ),
    );
    const acknowledged = responses.filter((response) => response.status === 200);
    expect(acknowledged).toHaveLength(100);
    const list = await request.get(`/api/bins/${bin.id}/requests?limit=500`, { headers: bearer(bin) });
    const stored = new Set((await list.json()).requests.map((summary: { id: string }) => summary.id));
    for (const response of acknowledged)
      expect(stored.has(String(response.headers["x-hookscope-request-id"]))).toBe(true);
  });
});
