import { createServer } from "node:http";
import next from "next";
import { CAPTURE_PREFIX } from "./core/capture/parse-capture-url";
import { loadConfig } from "./core/config";
import { describeError } from "./core/log-error";
import { sendOptionsFrom } from "./core/replay/send-options";
import { closeDatabase, getDatabase } from "./db/client";
import { processForwarder } from "./db/forwarder";
import { startHousekeeping } from "./db/housekeeping";
import { createCaptureHandler } from "./server/capture-handler";
import { describeDatabase } from "./server/describe-database";
import { attachRawRequest, RAW_REQUEST_HEADER } from "./server/raw-request";
import { originForm } from "./server/request-target";

// One process serves both: capture URLs on a lean node:http path, everything else through Next.
async function main(): Promise<void> {
  // When whatever reads our output goes away (a closed pipe), writing a log line fails. Unheard, that
  // failure is an uncaught error, which Next logs to the same closed pipe: the two chase each other
  // at full CPU for as long as the process lives. With nobody listening, the line is dropped.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});
  const config = loadConfig();
  const dev = process.env.NODE_ENV !== "production";

  // Migrations run before anything listens, so no request ever meets an old schema.
  const database = await getDatabase();
  const forwarder = processForwarder(database, sendOptionsFrom(config), config.FORWARD_RETRY_DELAYS_MS);
  const capture = createCaptureHandler({
    database,
    maxBodyBytes: config.MAX_BODY_BYTES,
    trustedProxies: config.TRUST_PROXY,
    publicUrl: config.CAPTURE_URL ?? config.PUBLIC_URL,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    forwarder,
  });
  const stopHousekeeping = startHousekeeping(
    database,
    { maxRequests: config.MAX_REQUESTS_PER_BIN, binTtlDays: config.BIN_TTL_DAYS },
    config.HOUSEKEEPING_INTERVAL_SECONDS * 1000,
  );

  // Webhook senders put signatures and tokens in headers; Node's default 16 KiB would refuse some.
  const server = createServer({ maxHeaderSize: 64 * 1024 });
  // Node keeps only the first ~1000 headers by default and drops the rest silently; the size limit
  // above already bounds the count, and a capture must keep every header it acknowledged.
  server.maxHeadersCount = 0;
  // Longer than common load balancers' idle timeouts, so they never reuse a socket we are closing.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const app = next({ dev, hostname: config.HOST, port: config.PORT, httpServer: server });
  const handleWithNext = app.getRequestHandler();
  await app.prepare();

  const fastCapture = config.HOOKSCOPE_CAPTURE_MOUNT === "fast";
  server.on("request", (req, res) => {
    req.url = originForm(req.url ?? "/");
    const isCapture = req.url?.startsWith(CAPTURE_PREFIX);
    if (isCapture && fastCapture) return capture(req, res);
    if (isCapture) attachRawRequest(req);
    else delete req.headers[RAW_REQUEST_HEADER];
    void handleWithNext(req, res);
  });

  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const shownHost = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
  console.log(`Hookscope is listening on http://${shownHost}:${config.PORT} (${describeDatabase(config)})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}, shutting down`);
    // Open event streams would hold server.close() forever; give in-flight captures a moment, then cut.
    const force = setTimeout(() => server.closeAllConnections(), 3_000);
    force.unref();
    stopHousekeeping();
    forwarder.stop();
    server.close(() => {
      closeDatabase().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("Hookscope failed to start:", describeError(error));
  process.exit(1);
});
