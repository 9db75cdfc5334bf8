import { parseArgs } from "node:util";
import { isBinId } from "../core/ids";
import { forward } from "./forward";

const USAGE = `Usage: hookscope forward <capture URL or bin id> --to <url> [options]

Forwards every new request captured by a bin to a local server, as it arrives.

Options:
  --to <url>           where to send each request (required), e.g. http://localhost:4000/webhooks
  --token <token>      the bin's API token (or set HOOKSCOPE_TOKEN)
  --server <origin>    the Hookscope server, when a bare bin id is given (default http://localhost:3000)
  --path               append each request's captured sub-path and query to --to
  --replay-last <n>    first forward the last n stored requests
  --timeout <ms>       how long to wait for the local server (default 10000)`;

function fail(message: string): never {
  console.error(`hookscope: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      to: { type: "string" },
      token: { type: "string" },
      server: { type: "string" },
      path: { type: "boolean", default: false },
      "replay-last": { type: "string", default: "0" },
      timeout: { type: "string", default: "10000" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, target] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (command !== "forward") fail(`unknown command "${command}"`);
  if (!target) fail("give the bin's capture URL or id");
  if (!values.to) fail("--to is required");
  const token = values.token ?? process.env.HOOKSCOPE_TOKEN;
  if (!token) fail("--token (or HOOKSCOPE_TOKEN) is required");

  let server = values.server ?? "http://localhost:3000";
  let binId = target;
  if (/^https?:\/\//.test(target)) {
    const url = new URL(target);
    server = url.origin;
    binId = url.pathname.match(/^\/h\/([^/]+)/)?.[1] ?? "";
  }
  if (!isBinId(binId)) fail(`"${target}" is not a capture URL (…/h/<bin id>) or a bin id`);

  const controller = new AbortController();
  process.on("SIGINT", () => controller.abort());
  process.on("SIGTERM", () => controller.abort());
  await forward(
    {
      server: server.replace(/\/+$/, ""),
      binId,
      token,
      to: values.to,
      appendPath: values.path,
      replayLast: Number(values["replay-last"]),
      timeoutMs: Number(values.timeout),
      log: (line) => console.log(line),
    },
    controller.signal,
  );
}

main().catch((error: unknown) => {
  console.error(`hookscope: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
