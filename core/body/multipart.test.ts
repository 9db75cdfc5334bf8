import { describe, expect, it } from "vitest";
import { isMultipart } from "./decode-body";
import { multipartParts } from "./multipart";

const boundary = "----hookscope7MA4YWxkTrZu0gW";
const type = `multipart/form-data; boundary=${boundary}`;
const body = Buffer.concat([
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="event"\r\n\r\norder.paid\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\ncafé ✓\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="logo.png"\r\nContent-Type: image/png\r\n\r\n`,
  ),
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]),
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);

describe("multipartParts", () => {
  it("knows a multipart content type by its media type", () => {
    expect(isMultipart(type)).toBe(true);
    expect(isMultipart("Multipart/Form-Data;boundary=x")).toBe(true);
    expect(isMultipart("multipart/mixed; boundary=x")).toBe(false);
    expect(isMultipart(null)).toBe(false);
  });

  it("lists fields and files in order, with exact sizes", async () => {
    expect(await multipartParts(body, type)).toEqual([
      { name: "event", filename: null, contentType: null, size: 10, text: "order.paid" },
      { name: "note", filename: null, contentType: null, size: 9, text: "café ✓" },
      { name: "file", filename: "logo.png", contentType: "image/png", size: 6, text: null },
    ]);
  });

  it("is null for a body that is not the multipart it claims", async () => {
    expect(await multipartParts(body, "multipart/form-data; boundary=other")).toBeNull();
    expect(await multipartParts(Buffer.from("not multipart"), type)).toBeNull();
  });
});
