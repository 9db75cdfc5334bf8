import { describe, expect, it } from "vitest";
import type { RequestDetail } from "../requests/types";
import { toJsonExport } from "./json-export";

const detail = (id: string, receivedAt: string): RequestDetail => ({
  id,
  binId: "bin1",
  method: "POST",
  path: "/hook",
  query: "a=1",
  contentType: "text/plain",
  bodySize: 2,
  bodyTooLarge: false,
  remoteAddr: "203.0.113.9",
  responseStatus: 200,
  receivedAt,
  duplicate: null,
  signature: null,
  previousId: null,
  headers: [["Content-Type", "text/plain"]],
  bodyBase64: "aGk=",
  bodyText: "hi",
  decoded: null,
});

describe("toJsonExport", () => {
  const exported = toJsonExport(
    [detail("2", "2024-05-01T12:00:01.000Z"), detail("1", "2024-05-01T12:00:00.000Z")],
    {
      bin: { id: "bin1", name: "Stripe test" },
      exportedAt: new Date("2024-05-02T00:00:00.000Z"),
    },
  );

  it("writes the header of the format", () => {
    expect(exported).toMatchObject({
      format: "hookscope.requests",
      version: 1,
      exportedAt: "2024-05-02T00:00:00.000Z",
      bin: { id: "bin1", name: "Stripe test" },
    });
  });

  it("lists requests oldest first with only the exportable fields", () => {
    expect(exported.requests.map((request) => request.id)).toEqual(["1", "2"]);
    expect(exported.requests[0]).toEqual({
      id: "1",
      binId: "bin1",
      method: "POST",
      path: "/hook",
      query: "a=1",
      headers: [["Content-Type", "text/plain"]],
      bodyBase64: "aGk=",
      bodyText: "hi",
      contentType: "text/plain",
      receivedAt: "2024-05-01T12:00:00.000Z",
      responseStatus: 200,
      bodyTooLarge: false,
      signature: null,
      duplicate: null,
    });
  });

  it("survives JSON serialisation unchanged", () => {
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
  });
});
