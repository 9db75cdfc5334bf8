import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { expect, type Page, test } from "@playwright/test";
import { nodeHttp } from "../helpers";

async function createBinInBrowser(page: Page, name: string): Promise<string> {
  await page.goto("/");
  await page.getByLabel("Bin name").fill(name);
  await page.getByRole("button", { name: "Create bin" }).click();
  await expect(page).toHaveURL(/\/bins\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId("stream-state")).toHaveAttribute("data-state", "live");
  return (await page.getByTestId("capture-url").textContent()) ?? "";
}

/** A marker on window survives only as long as the page is not reloaded. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });
}

async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
}

test("create a bin, send requests, watch them arrive live and inspect one", async ({ page }) => {
  const captureUrl = await createBinInBrowser(page, "Checkout webhooks");
  await expect(page.getByTestId("bin-name")).toHaveText("Checkout webhooks");
  await expect(page.getByTestId("empty-state")).toContainText(captureUrl);
  await markPage(page);

  await nodeHttp(`${captureUrl}/stripe/events?attempt=1`, {
    headers: { "Content-Type": "application/json", "Stripe-Signature": "t=1,v1=abc" },
    body: JSON.stringify({
      id: "evt_123",
      type: "payment_intent.succeeded",
      data: { object: { amount: 4200 } },
    }),
  });
  const rows = page.getByTestId("request-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("/stripe/events?attempt=1");
  await expectNotReloaded(page);

  // The first request is selected by itself and its body shows as a JSON tree.
  const detail = page.getByTestId("request-detail");
  await expect(detail.getByTestId("json-tree")).toContainText('"payment_intent.succeeded"');
  await expect(detail.getByTestId("json-tree")).toContainText("4200");

  await detail.getByRole("tab", { name: /Headers/ }).click();
  await expect(detail.getByTestId("headers-table")).toContainText("Stripe-Signature");
  await expect(detail.getByTestId("headers-table")).toContainText("t=1,v1=abc");

  await detail.getByRole("tab", { name: /Query/ }).click();
  await expect(detail.getByTestId("query-table")).toContainText("attempt");

  await detail.getByRole("tab", { name: "Raw" }).click();
  await expect(detail.getByTestId("raw-message")).toContainText("POST /h/");
  await expect(detail.getByTestId("raw-message")).toContainText("/stripe/events?attempt=1 HTTP/1.1");

  // More arrive, newest on top, still without a reload.
  await nodeHttp(`${captureUrl}/second`, { method: "PUT", body: "two" });
  await nodeHttp(`${captureUrl}/third`, { method: "DELETE" });
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("/third");
  await expect(rows.nth(2)).toContainText("/stripe/events");
  await expect(page.getByTestId("request-count")).toHaveText("3 requests");
  await expectNotReloaded(page);

  // j/k move the selection.
  await page.keyboard.press("k");
  await expect(detail.getByTestId("detail-path")).toHaveText("/second");
  await page.keyboard.press("k");
  await expect(detail.getByTestId("detail-path")).toHaveText("/third");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(detail.getByTestId("detail-path")).toHaveText("/stripe/events?attempt=1");
});

test("renders hostile content as inert text", async ({ page }) => {
  const captureUrl = await createBinInBrowser(page, "hostile");
  const payload = `<script>window.__pwned = "script"</script><img src=x onerror="window.__pwned = 'img'">`;
  await nodeHttp(`${captureUrl}/<b>path</b>`, {
    headers: { "Content-Type": "text/html", "X-Evil": `<img src=x onerror="window.__pwned='header'">` },
    body: payload,
  });
  const detail = page.getByTestId("request-detail");
  await expect(detail.getByTestId("body-text")).toHaveText(payload);
  await detail.getByRole("tab", { name: /Headers/ }).click();
  await expect(detail.getByTestId("headers-table")).toContainText(`onerror="window.__pwned='header'"`);
  await nodeHttp(`${captureUrl}/json`, {
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ html: payload }),
  });
  await expect(page.getByTestId("request-row")).toHaveCount(2);
  await page.getByTestId("request-row").first().click();
  await expect(detail.getByTestId("json-tree")).toContainText("<script>");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await page.locator("img[src=x]").count()).toBe(0);
});

test("shows a binary body as a hex dump", async ({ page }) => {
  const captureUrl = await createBinInBrowser(page, "binary");
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]);
  await nodeHttp(`${captureUrl}/upload`, { headers: { "Content-Type": "image/png" }, body: bytes });
  const hex = page.getByTestId("request-detail").getByTestId("hex-view");
  await expect(hex).toContainText("00000000");
  await expect(hex).toContainText("89 50 4e 47 0d 0a 1a 0a 00 ff fe");
  await expect(hex).toContainText(".PNG.......");
});

test("shows a gzip body decoded, and its bytes as sent one click away", async ({ page }) => {
  const captureUrl = await createBinInBrowser(page, "gzip");
  const json = JSON.stringify({ event: "order.paid", note: "compressed on the wire" });
  const body = gzipSync(json);
  await nodeHttp(`${captureUrl}/gzip`, {
    headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" },
    body,
  });
  const detail = page.getByTestId("request-detail");
  await detail.getByRole("tab", { name: "Body" }).click();
  await expect(detail.getByTestId("content-encoding")).toHaveText("gzip, decoded");
  await expect(detail).toContainText("compressed on the wire");
  await expect(detail).toContainText(`${json.length} bytes (${body.length} as sent)`);
  await detail.getByRole("button", { name: "As sent" }).click();
  await expect(detail.getByTestId("hex-view")).toContainText("1f 8b");
});

test("shows a multipart upload as its fields and files", async ({ page }) => {
  const captureUrl = await createBinInBrowser(page, "multipart");
  const form = new FormData();
  form.append("event", "invoice.created");
  form.append("<b>note</b>", "<img src=x onerror=alert(1)>");
  form.append(
    "attachment",
    new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0xff])], { type: "image/png" }),
    "logo.png",
  );
  const response = await fetch(`${captureUrl}/upload`, { method: "POST", body: form });
  expect(response.status).toBe(200);
  const detail = page.getByTestId("request-detail");
  await detail.getByRole("tab", { name: "Body" }).click();
  const parts = detail.getByTestId("multipart-parts");
  await expect(parts.getByRole("row")).toHaveCount(3);
  await expect(parts.getByRole("row").nth(0)).toContainText("invoice.created");
  await expect(parts.getByRole("row").nth(1)).toContainText("<img src=x onerror=alert(1)>");
  await expect(parts.getByRole("row").nth(2)).toContainText("file “logo.png” · image/png");
  await expect(parts.getByRole("row").nth(2)).toContainText("binary, 6 bytes");
  await expect(page.locator("img")).toHaveCount(0);
  await detail.getByRole("button", { name: "Raw" }).click();
  await expect(detail.getByTestId("hex-view")).toBeVisible();
});

test("lists this browser's bins on the landing page and opens a locked bin with its token", async ({
  page,
  browser,
}) => {
  await createBinInBrowser(page, "Listed bin");
  const binUrl = page.url();
  await page.goto("/");
  await expect(page.getByTestId("bin-list")).toContainText("Listed bin");

  await page.goto(binUrl);
  await page.getByRole("button", { name: "API token" }).click();
  const token = (await page.locator("code", { hasText: "Authorization: Bearer" }).textContent())?.split(
    "Bearer ",
  )[1];

  const stranger = await browser.newPage();
  await stranger.goto(binUrl);
  await expect(stranger.getByRole("heading", { name: "This bin is locked" })).toBeVisible();
  await stranger.getByLabel("Bin token").fill(token ?? "");
  await stranger.getByRole("button", { name: "Open bin" }).click();
  await expect(stranger.getByTestId("bin-name")).toHaveText("Listed bin");
  await stranger.close();
});

test("shows a request that landed while the browser was offline once it is back", async ({ page }) => {
  const captureUrl = await createBinInBrowser(page, "resume");
  await page.context().setOffline(true);
  await nodeHttp(`${captureUrl}/while-offline`, { body: "x" });
  await page.context().setOffline(false);
  await nodeHttp(`${captureUrl}/after`, { body: "y" });
  await expect(page.getByTestId("request-row")).toHaveCount(2);
});

test("flags redeliveries, links to the first and groups them", async ({ page }) => {
  const captureUrl = await createBinInBrowser(page, "retries");
  const headers = {
    "Content-Type": "application/json",
    "X-GitHub-Delivery": "d-1",
    "X-GitHub-Event": "ping",
  };
  for (let attempt = 1; attempt <= 3; attempt++) {
    await nodeHttp(`${captureUrl}/github?attempt=${attempt}`, {
      headers,
      body: '{"zen":"Keep it logically awesome."}',
    });
  }
  await nodeHttp(`${captureUrl}/other`, { body: "unrelated" });
  const rows = page.getByTestId("request-row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText("3rd delivery");
  await expect(rows.nth(2)).toContainText("2nd delivery");
  await expect(rows.nth(3)).toContainText("×3");

  await rows.nth(1).click();
  const notice = page.getByTestId("duplicate-notice");
  await expect(notice).toContainText("3rd delivery of the same event (X-GitHub-Delivery d-1)");
  await notice.getByRole("button", { name: "Show the first delivery" }).click();
  await expect(page.getByTestId("detail-path")).toHaveText("/github?attempt=1");
  await expect(notice).toContainText("First of 3 deliveries");

  await page.getByTestId("group-retries").check();
  await expect(rows).toHaveCount(2);
  const toggle = page.getByTestId("group-toggle");
  await expect(toggle).toHaveText("▸ delivered 3×");
  await toggle.click();
  await expect(rows).toHaveCount(4);
  await expect(toggle).toHaveAttribute("aria-expanded", "true");

  // A further retry arrives live and the group's count follows.
  await nodeHttp(`${captureUrl}/github?attempt=4`, { headers, body: "{}" });
  await expect(toggle).toHaveText("▾ delivered 4×");
});

test("sets a secret in the browser and shows GitHub signatures as valid or invalid", async ({ page }) => {
  const captureUrl = await createBinInBrowser(page, "signed");
  const secret = "ui-secret-0123456789";
  await page.getByTestId("open-settings").click();
  await page.getByTestId("scheme-select").selectOption("github");
  await page.getByTestId("secret-input").fill(secret);
  await page.getByRole("button", { name: "Save signing" }).click();
  await expect(page.getByTestId("settings-message")).toContainText("Saved");
  await page.getByRole("button", { name: "Close" }).click();
  await expect(page.getByTestId("open-settings")).toContainText("Secret set");

  const body = '{"zen":"Half measures are as bad as nothing at all."}';
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  await nodeHttp(`${captureUrl}/github`, {
    headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signature },
    body,
  });
  await nodeHttp(`${captureUrl}/github`, {
    headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signature },
    body: body.replace("bad", "good"),
  });
  const rows = page.getByTestId("request-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).getByTestId("verdict-badge")).toHaveAttribute("data-verdict", "valid");
  await expect(rows.nth(0).getByTestId("verdict-badge")).toHaveAttribute("data-verdict", "invalid");

  await rows.nth(0).click();
  const detail = page.getByTestId("request-detail");
  await detail.getByRole("tab", { name: "Signature" }).click();
  await expect(detail.getByTestId("signature-reason")).toContainText("X-Hub-Signature-256 does not match");
  await expect(detail.getByTestId("signature-panel")).toContainText("GitHub");

  await page.getByTestId("verdict-filter").selectOption("valid");
  await expect(rows).toHaveCount(1);
});

test("simulates failures from the settings and shows what each delivery was answered", async ({ page }) => {
  const captureUrl = await createBinInBrowser(page, "failing");
  await page.getByTestId("open-settings").click();
  await page.getByTestId("failure-mode").selectOption("next");
  await page.getByTestId("failure-count").fill("2");
  await page.getByRole("button", { name: "Save behaviour" }).click();
  await expect(page.getByTestId("settings-message")).toContainText("Saved");
  await expect(page.getByTestId("behaviour-settings")).toContainText("2 simulated failures to come");
  await page.getByRole("button", { name: "Close" }).click();

  const answers: number[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    answers.push((await nodeHttp(`${captureUrl}/retry?attempt=${attempt}`, { body: "{}" })).status);
  }
  expect(answers).toEqual([500, 500, 200]);
  const rows = page.getByTestId("request-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("200");
  await expect(rows.nth(1)).toContainText("500");
  await expect(rows.nth(2)).toContainText("500");

  await rows.nth(0).click();
  await page.getByTestId("delete-request").click();
  await expect(rows).toHaveCount(2);
  await page.reload();
  await expect(page.getByTestId("request-row")).toHaveCount(2);
});

test("replays a request to a local server and shows what it answered", async ({ page }) => {
  const hits: string[] = [];
  const target = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      hits.push(`${req.method} ${req.url} ${Buffer.concat(chunks).toString()}`);
      if (req.url?.startsWith("/old")) {
        res.writeHead(307, { location: "/webhooks/orders?id=7" });
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("thanks from the dev server");
    });
  });
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  const port = (target.address() as AddressInfo).port;
  try {
    const captureUrl = await createBinInBrowser(page, "replay");
    await nodeHttp(`${captureUrl}/orders?id=7`, {
      headers: { "Content-Type": "application/json" },
      body: '{"order":7}',
    });
    const detail = page.getByTestId("request-detail");
    await detail.getByRole("tab", { name: "Replay" }).click();
    await detail.getByTestId("replay-url").fill(`http://127.0.0.1:${port}/webhooks`);
    await detail.getByRole("button", { name: "Replay" }).click();
    await expect(detail.getByTestId("replay-result").first()).toContainText("thanks from the dev server");
    await expect(detail.getByTestId("replay-result").first()).toContainText("200");
    expect(hits).toEqual(['POST /webhooks/orders?id=7 {"order":7}']);

    // A target that moved: followed on request, and the hop is shown with the answer.
    await detail.getByTestId("replay-url").fill(`http://127.0.0.1:${port}/old`);
    await detail.getByLabel("Follow redirects").check();
    await detail.getByRole("button", { name: "Replay" }).click();
    const followed = detail.getByTestId("replay-result").first();
    await expect(followed.getByTestId("replay-redirects")).toHaveText(
      `↳ 307 to http://127.0.0.1:${port}/webhooks/orders?id=7`,
    );
    await expect(followed).toContainText("thanks from the dev server");
    expect(hits.slice(1)).toEqual([
      'POST /old/orders?id=7 {"order":7}',
      'POST /webhooks/orders?id=7 {"order":7}',
    ]);
  } finally {
    target.close();
  }
});
