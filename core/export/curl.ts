import { bodyAsText } from "../body/decode-body";
import type { HeaderPair } from "../requests/types";
import {
  bodyBytes,
  bytesToBase64,
  type ExportableRequest,
  hasDotSegment,
  replayableHeaders,
  requestUrl,
} from "./request-input";

export interface CurlOptions {
  /** Scheme, host and port of the capture URL, without a trailing slash. */
  origin: string;
}

// Words made only of these need no quotes in sh, bash or zsh (no `=`, `~`: zsh expands them up front).
const PLAIN_WORD = /^[A-Za-z0-9_@%+:,./-]+$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Linux refuses any single exec argument above 128 KiB; larger bodies go through the shell's printf.
const MAX_ARGUMENT_BYTES = 64 * 1024;
const MAX_LINE = 80;

/** One shell word whatever the input: inside single quotes nothing is special except `'` itself. */
export function shellQuote(value: string): string {
  return PLAIN_WORD.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Text that survives a terminal and a shell word intact: no NUL, escapes or other controls. */
function isPrintableText(text: string, allowed: string): boolean {
  for (const char of text) {
    if (isControl(char.charCodeAt(0)) && !allowed.includes(char)) return false;
  }
  return true;
}

// Controls in a URL can only come from a hand-made import; encoded, they cannot reach the terminal.
function withoutControls(url: string): string {
  let out = "";
  for (const char of url) {
    const code = char.charCodeAt(0);
    out += isControl(code) ? `%${code.toString(16).toUpperCase().padStart(2, "0")}` : char;
  }
  return out;
}

// A comment ends at the first newline, so anything from the request is written as a JSON string.
function describeName(name: string): string {
  return TOKEN.test(name) ? name : JSON.stringify(name);
}

function headerArgument([name, value]: HeaderPair): string | { skipped: string } {
  if (!TOKEN.test(name)) {
    return { skipped: `# Skipped header ${describeName(name)}: the name is not a valid HTTP header name.` };
  }
  if (!isPrintableText(value, "\t")) {
    return {
      skipped: `# Skipped header ${name}: its value contains a line break or control character, which curl cannot send.`,
    };
  }
  // `Name:` alone tells curl to drop the header; `Name;` is how it sends one with an empty value.
  return shellQuote(value.trim() === "" ? `${name};` : `${name}: ${value}`);
}

// curl adds these unless told not to; an empty `Name:` removes them so only captured headers go out.
function suppressedDefaults(sent: ReadonlySet<string>, hasBody: boolean): string[] {
  const defaults = ["User-Agent", "Accept", ...(hasBody ? ["Content-Type"] : [])];
  return defaults
    .filter((name) => !sent.has(name.toLowerCase()))
    .map((name) => `-H ${shellQuote(`${name}:`)}`);
}

interface BodyPlan {
  pipe: string | null;
  argument: string | null;
}

function planBody(bytes: Uint8Array): BodyPlan {
  if (bytes.length === 0) return { pipe: null, argument: null };
  const text = bodyAsText(bytes);
  if (text !== null && isPrintableText(text, "\t\r\n")) {
    // `--data-binary @x` would read the file x, so a body starting with `@` goes through stdin.
    if (!text.startsWith("@") && bytes.length <= MAX_ARGUMENT_BYTES) {
      return { pipe: null, argument: `--data-binary ${shellQuote(text)}` };
    }
    return { pipe: `printf %s ${shellQuote(text)} | `, argument: "--data-binary @-" };
  }
  return {
    pipe: `printf %s ${shellQuote(bytesToBase64(bytes))} | base64 -d | `,
    argument: "--data-binary @-",
  };
}

function methodArguments(method: string, hasBody: boolean): string[] {
  // `-X HEAD` makes curl wait for a body that never comes; `--head` does not.
  if (method === "HEAD" && !hasBody) return ["--head"];
  // A body switches curl to POST, so even GET must be spelled out then.
  if (method === "GET" && !hasBody) return [];
  return [`-X ${shellQuote(method)}`];
}

/**
 * A curl command for sh, bash or zsh that sends the captured request again: same method, target,
 * headers and body bytes. Every value from the request is single-quoted, so none of it can run.
 */
export function curlCommand(request: ExportableRequest, { origin }: CurlOptions): string {
  const url = withoutControls(requestUrl(request, origin));
  const bytes = bodyBytes(request);
  const body = planBody(bytes);
  const comments: string[] = [];
  if (request.bodyTooLarge) {
    comments.push("# The body was over the size limit and Hookscope did not store it; this sends none.");
  }
  const headerWords: string[] = [];
  const sent = new Set<string>();
  for (const header of replayableHeaders(request.headers)) {
    const argument = headerArgument(header);
    if (typeof argument === "string") {
      headerWords.push(`-H ${argument}`);
      sent.add(header[0].toLowerCase());
    } else {
      comments.push(argument.skipped);
    }
  }
  const first = ["curl", ...methodArguments(request.method, bytes.length > 0), shellQuote(url)].join(" ");
  const groups = [
    first,
    ...(hasDotSegment(request.path) ? ["--path-as-is"] : []),
    ...(/[[\]{}]/.test(url) ? ["--globoff"] : []),
    ...headerWords,
    ...suppressedDefaults(sent, bytes.length > 0),
    ...(body.argument ? [body.argument] : []),
  ];
  const oneLine = groups.join(" ");
  const command = (body.pipe ?? "") + (oneLine.length <= MAX_LINE ? oneLine : groups.join(" \\\n  "));
  return [...comments, command].join("\n");
}
