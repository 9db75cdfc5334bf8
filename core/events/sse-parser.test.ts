import { describe, expect, it } from "vitest";
import { createSseParser, type ParsedEvent } from "./sse-parser";

describe("createSseParser", () => {
  it("reads events split across chunks, skipping comments and retry lines", () => {
    const events: ParsedEvent[] = [];
    const feed = createSseParser((event) => events.push(event));
    feed("retry: 2000\n\n: connected\n\nid: 7\nevent: req");
    feed('uest\ndata: {"a":1}\n\n');
    feed("data: line one\r\ndata: line two\r\n\r\n");
    expect(events).toEqual([{ id: "7", event: "request", data: '{"a":1}' }, { data: "line one\nline two" }]);
  });
});
