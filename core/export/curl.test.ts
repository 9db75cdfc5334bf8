import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RecordingServer, recordingServer } from "../../test/recording-server";
import { bodyAsText } from "../body/decode-body";
import type { HeaderPair } from "../requests/types";
import { curlCommand, shellQuote } from "./curl";
import { bodyBytes, bytesToBase64, type ExportableRequest, replayableHeaders } from "./request-input";

const run = promisify(execFile);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function captured(
  fields: Partial<Omit<ExportableRequest, "bodyBase64" | "bodyText">> & { body?: Uint8Array | string },
): ExportableRequest {
  const { body = new Uint8Array(), ...rest } = fields;
  const bytes = typeof body === "string" ? utf8(body) : body;
  return {
    id: "1",
    binId: "bin1",
    method: "POST",
    path: "",
    query: "",
    headers: [],
    contentType: null,
    receivedAt: "2024-05-01T12:00:00.000Z",
    responseStatus: 200,
    bodyTooLarge: false,
    ...rest,
    bodyBase64: bytesToBase64(bytes),
    bodyText: bodyAsText(bytes),
  };
}

let target: RecordingServer;

beforeAll(async () => {
  target = await recordingServer();
});

afterAll(() => target.close());

// Names compared case-insensitively, as HTTP does; order and repeats still matter.
const comparable = (headers: readonly HeaderPair[]): HeaderPair[] =>
  replayableHeaders(headers).map(([name, value]) => [name.toLowerCase(), value]);

// The kernel caps one argument at 128 KiB, so a huge command is run from a script file instead of `-c`.
async function runInBash(command: string): Promise<void> {
  if (command.length < 100_000) {
    await run("/usr/bin/bash", ["-c", command]);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "curl-export-"));
  try {
    writeFileSync(join(dir, "command.sh"), command);
    await run("/usr/bin/bash", [join(dir, "command.sh")]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sendThroughCurl = (request: ExportableRequest) =>
  target.receiveOne(() => runInBash(curlCommand(request, { origin: target.url })));

async function expectRoundTrip(request: ExportableRequest): Promise<void> {
  const got = await sendThroughCurl(request);
  expect(got.method).toBe(request.method);
  expect(got.url).toBe(`/h/${request.binId}${request.path}${request.query ? `?${request.query}` : ""}`);
  expect(got.body).toEqual(bodyBytes(request));
  expect(comparable(got.headers)).toEqual(comparable(request.headers));
}

/** The argv a shell hands to curl, read by shadowing curl with a function that prints its arguments. */
async function argvFor(command: string, shell = "/usr/bin/bash"): Promise<string[]> {
  const script = `curl() { printf '%s\\0' "$@"; }\n${command}`;
  const { stdout } = await run(shell, ["-c", script]);
  return stdout.split("\0").slice(0, -1);
}

describe("shellQuote", () => {
  it.each([
    ["plain words bare", "POST", "POST"],
    ["an empty string as a quoted empty word", "", "''"],
    ["a single quote by closing, escaping and reopening", "it's", `'it'\\''s'`],
    ["dollars and backticks inert", "$HOME `id` $(id)", "'$HOME `id` $(id)'"],
    ["a leading tilde, which shells expand", "~root", "'~root'"],
    ["a leading equals sign, which zsh expands", "=ls", "'=ls'"],
  ])("leaves %s", (_label, input, quoted) => {
    expect(shellQuote(input)).toBe(quoted);
  });
});

describe("curlCommand", () => {
  it("writes a short GET on one line without a method flag", () => {
    const request = captured({
      method: "GET",
      path: "/hook",
      headers: [
        ["Accept", "*/*"],
        ["User-Agent", "x"],
      ],
    });
    expect(curlCommand(request, { origin: "https://hooks.example.com" })).toBe(
      "curl https://hooks.example.com/h/bin1/hook -H 'Accept: */*' -H 'User-Agent: x'",
    );
  });

  it("splits a long command into one option per line", () => {
    const request = captured({
      headers: [
        ["Content-Type", "application/json"],
        ["User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)"],
        ["Accept", "*/*"],
      ],
      body: '{"id":"evt_1"}',
    });
    expect(curlCommand(request, { origin: "https://hooks.example.com" })).toBe(
      [
        "curl -X POST https://hooks.example.com/h/bin1 \\",
        "  -H 'Content-Type: application/json' \\",
        "  -H 'User-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)' \\",
        "  -H 'Accept: */*' \\",
        `  --data-binary '{"id":"evt_1"}'`,
      ].join("\n"),
    );
  });

  it("tells curl not to add the User-Agent, Accept and Content-Type the sender did not send", async () => {
    expect(await argvFor(curlCommand(captured({ body: "x" }), { origin: "http://h" }))).toEqual([
      "-X",
      "POST",
      "http://h/h/bin1",
      "-H",
      "User-Agent:",
      "-H",
      "Accept:",
      "-H",
      "Content-Type:",
      "--data-binary",
      "x",
    ]);
  });

  it("sends an empty header value with curl's semicolon form", async () => {
    const request = captured({
      headers: [
        ["X-Empty", ""],
        ["User-Agent", "u"],
        ["Accept", "a"],
      ],
    });
    expect(await argvFor(curlCommand(request, { origin: "http://h" }))).toEqual([
      "-X",
      "POST",
      "http://h/h/bin1",
      "-H",
      "X-Empty;",
      "-H",
      "User-Agent: u",
      "-H",
      "Accept: a",
    ]);
  });

  it("drops framing headers the client sets itself", () => {
    const request = captured({
      headers: [
        ["Host", "hooks.example.com"],
        ["Content-Length", "2"],
        ["Transfer-Encoding", "chunked"],
        ["Expect", "100-continue"],
        ["X-Kept", "1"],
      ],
    });
    const command = curlCommand(request, { origin: "http://h" });
    expect(command).not.toMatch(/Host|Content-Length|Transfer-Encoding|Expect/);
    expect(command).toContain("-H 'X-Kept: 1'");
  });

  it("adds a comment when the body was too large to store", () => {
    const command = curlCommand(captured({ bodyTooLarge: true }), { origin: "http://h" });
    expect(command.split("\n")[0]).toMatch(/^# .*not store/);
  });

  it("skips a header whose value has a line break, and says so in a comment", async () => {
    const request = captured({
      headers: [
        ["X-Split", "a\r\nInjected: 1"],
        ["X-Kept", "1"],
      ],
    });
    const command = curlCommand(request, { origin: "http://h" });
    expect(command.split("\n")[0]).toBe(
      "# Skipped header X-Split: its value contains a line break or control character, which curl cannot send.",
    );
    expect(await argvFor(command)).not.toContain("X-Split: a\r\nInjected: 1");
  });

  it("keeps a hostile header name inside its comment line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "curl-export-"));
    const canary = join(dir, "pwned");
    try {
      const request = captured({ headers: [[`X\ntouch ${canary}\n`, "v"]] });
      const command = curlCommand(request, { origin: "http://h" });
      expect(command.split("\n")[0]).toBe(
        `# Skipped header ${JSON.stringify(`X\ntouch ${canary}\n`)}: the name is not a valid HTTP header name.`,
      );
      await argvFor(command);
      expect(existsSync(canary)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe.each(["/usr/bin/bash", "/bin/sh"])("under %s, hostile values stay literal", (shell) => {
    const hostile = "it's $HOME `touch CANARY` $(touch CANARY) ; & | > < \\ \" ! * ? [a] {b,c} ~ café 😀";

    it.each([
      ["a header value", captured({ headers: [["X-Evil", hostile]] }), `X-Evil: ${hostile}`],
      ["a text body", captured({ body: hostile }), hostile],
      ["a method", captured({ method: "$(touch CANARY)" }), "$(touch CANARY)"],
      ["a path and query", captured({ path: "/a'b/$(touch CANARY)", query: "x=`id`&y=$HOME" }), undefined],
    ])("passes %s to curl unchanged", async (_label, request, expected) => {
      const dir = mkdtempSync(join(tmpdir(), "curl-export-"));
      try {
        const command = curlCommand(request, { origin: "http://h" }).replaceAll("CANARY", join(dir, "pwned"));
        const argv = await argvFor(command, shell);
        if (expected !== undefined) expect(argv).toContain(expected.replaceAll("CANARY", join(dir, "pwned")));
        else expect(argv).toContain(`http://h/h/bin1/a'b/$(touch ${join(dir, "pwned")})?x=\`id\`&y=$HOME`);
        expect(existsSync(join(dir, "pwned"))).toBe(false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it("sends a body starting with @ through stdin, so curl does not read it as a file name", () => {
    const command = curlCommand(captured({ body: "@/etc/passwd" }), { origin: "http://h" });
    expect(command).toMatch(/^printf %s @\/etc\/passwd \| curl /);
    expect(command).toMatch(/--data-binary @-$/);
  });

  it("adds --path-as-is only for dot segments and --globoff only for brackets or braces", () => {
    const flags = (path: string, query = ""): string =>
      curlCommand(captured({ path, query }), { origin: "http://h" });
    expect(flags("/a/b")).not.toMatch(/--path-as-is|--globoff/);
    expect(flags("/a/../b")).toContain("--path-as-is");
    expect(flags("/a/%2E%2e/b")).toContain("--path-as-is");
    expect(flags("/a..b/c.")).not.toContain("--path-as-is");
    expect(flags("/a", "x[0]=1")).toContain("--globoff");
    expect(flags("/{a}")).toContain("--globoff");
  });
});

describe("curlCommand through real curl", () => {
  it("reproduces a JSON POST", async () => {
    await expectRoundTrip(
      captured({
        path: "/stripe",
        headers: [
          ["Host", "hooks.example.com"],
          ["Content-Type", "application/json"],
          ["Stripe-Signature", "t=1,v1=abc"],
          ["Content-Length", "27"],
        ],
        body: '{"id":"evt_1","amount":100}',
      }),
    );
  });

  it("reproduces text with quotes, $HOME, backticks and newlines", async () => {
    await expectRoundTrip(
      captured({
        headers: [["Content-Type", "text/plain"]],
        body: "it's $HOME and `whoami` and $(id)\nsecond line\r\n\ttabbed\n\n",
      }),
    );
  });

  it("reproduces a unicode body and unicode header values", async () => {
    await expectRoundTrip(
      captured({
        headers: [
          ["Content-Type", "text/plain; charset=utf-8"],
          ["X-Name", "café ✓ 日本"],
        ],
        body: "café ✓ 日本 😀 \u2028 end",
      }),
    );
  });

  it("reproduces a binary body with NUL and 0xFF bytes", async () => {
    await expectRoundTrip(
      captured({
        headers: [["Content-Type", "application/octet-stream"]],
        body: Uint8Array.from([0x00, 0xff, 0x41, 0x00, 0x0a, 0x27, 0x24, 0xfe, 0x80]),
      }),
    );
  });

  it("reproduces an empty-body GET with a query", async () => {
    await expectRoundTrip(
      captured({
        method: "GET",
        path: "/poll",
        query: "a=1&b=%20x&c=it's&d[]=1",
        headers: [
          ["X-Repeat", "1"],
          ["x-repeat", "2"],
          ["Accept", "application/json"],
        ],
      }),
    );
  });

  it("reproduces a path with .. and %2F byte for byte", async () => {
    await expectRoundTrip(captured({ method: "PUT", path: "/a/../b%2Fc/./d/", body: "x" }));
  });

  it("reproduces a GET with a body and an empty header value", async () => {
    await expectRoundTrip(captured({ method: "GET", headers: [["X-Empty", ""]], body: "q" }));
  });

  it("reproduces a text body larger than one shell argument may be", async () => {
    await expectRoundTrip(captured({ body: "line with 'quotes'\n".repeat(20_000) }));
  });

  it("reproduces arbitrary bodies byte for byte", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.string({ unit: "binary", maxLength: 200 }).map(utf8),
          fc.string({ maxLength: 200 }).map(utf8),
        ),
        async (body) => {
          const got = await sendThroughCurl(captured({ headers: [["Content-Type", "text/plain"]], body }));
          expect(got.body).toEqual(body);
        },
      ),
      { numRuns: 25 },
    );
  });
});
