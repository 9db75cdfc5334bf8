import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
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

test("filters and searches the list, keeps the view in the URL, and streams only matches", async ({
  page,
}) => {
  // The strict script policy must not cost the dashboard anything of its own.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const captureUrl = await createBinInBrowser(page, "explore");
  await nodeHttp(`${captureUrl}/orders`, {
    headers: { "content-type": "application/json" },
    body: '{"type":"order.created","email":"ada@example.com"}',
  });
  await nodeHttp(`${captureUrl}/orders`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: '{"type":"order.updated","email":"grace@example.com"}',
  });
  await nodeHttp(`${captureUrl}/health`, { method: "GET" });
  const rows = page.getByTestId("request-row");
  await expect(rows).toHaveCount(3);

  await page.getByTestId("search").fill("grace@");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("PUT");
  await expect(page).toHaveURL(/\?q=grace%40$/);

  await page.getByTestId("search").fill("");
  await page.getByTestId("method-filter").selectOption("POST");
  await expect(rows).toHaveCount(1);
  await expect(page).toHaveURL(/\?method=POST$/);

  // Live: a matching request appears, one that does not match stays out.
  await nodeHttp(`${captureUrl}/live-put`, { method: "PUT", body: "x" });
  await nodeHttp(`${captureUrl}/live-post`, { body: "x" });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("/live-post");

  // The link opens the same view.
  await page.reload();
  await expect(page.getByTestId("method-filter")).toHaveValue("POST");
  await expect(rows).toHaveCount(2);

  await page.getByTestId("search").fill("nothing-like-this");
  await expect(page.getByTestId("no-matches")).toBeVisible();
  await page.getByTestId("clear-filters").click();
  await expect(rows).toHaveCount(5);
  await expect(page).toHaveURL(/\/bins\/[A-Za-z0-9_-]{22}$/);
  expect(violations).toEqual([]);
});

test("compares two requests, copies one as curl that replays for real, and imports a HAR", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const captureUrl = await createBinInBrowser(page, "compare");
  await nodeHttp(`${captureUrl}/stripe`, {
    headers: { "content-type": "application/json", "x-attempt": "1" },
    body: '{"id":"evt_1","amount":100,"currency":"usd"}',
  });
  await nodeHttp(`${captureUrl}/stripe`, {
    headers: { "content-type": "application/json", "x-attempt": "2" },
    body: '{"id":"evt_1","amount":250,"currency":"usd","note":"it\'s $HOME"}',
  });
  const rows = page.getByTestId("request-row");
  await expect(rows).toHaveCount(2);
  await rows.first().click();

  const compare = page.getByTestId("compare-select");
  await compare.selectOption({ index: 1 });
  const view = page.getByTestId("compare-view");
  await expect(view.getByTestId("header-diff")).toContainText("x-attempt");
  await expect(view.getByTestId("json-diff")).toContainText("amount");
  await expect(view.getByTestId("json-diff")).toContainText("note");
  await expect(view.getByTestId("json-diff")).not.toContainText("currency");
  await view.getByRole("button", { name: "Close comparison" }).click();

  await page.getByTestId("copy-curl-button").click();
  const command = await page.evaluate(() => navigator.clipboard.readText());
  expect(command).toContain("curl");
  const { execFile } = await import("node:child_process");
  await new Promise((resolve, reject) =>
    execFile("bash", ["-c", command], (error) => (error ? reject(error) : resolve(null))),
  );
  await expect(rows).toHaveCount(3);
  await rows.first().click();
  await page.getByRole("tab", { name: "Body" }).click();
  await expect(page.getByTestId("request-detail")).toContainText("it's $HOME");

  const har = await (
    await page.request.get(
      `${new URL(page.url()).pathname.replace("/bins/", "/api/bins/")}/export?format=har`,
    )
  ).body();
  await page.getByRole("button", { name: "Import…" }).click();
  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "scenario.har", mimeType: "application/json", buffer: har });
  await expect(page.getByTestId("import-message")).toHaveText("Imported 3 requests.");
  await expect(rows).toHaveCount(6);
});

test("ticks several requests to compare two or replay them all, in captured order", async ({ page }) => {
  const hits: string[] = [];
  const target = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      hits.push(`${req.method} ${req.url} ${body}`);
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  const port = (target.address() as AddressInfo).port;
  try {
    const captureUrl = await createBinInBrowser(page, "bulk");
    for (const n of [1, 2, 3]) await nodeHttp(`${captureUrl}/step/${n}`, { body: `{"step":${n}}` });
    const rows = page.getByTestId("request-row");
    await expect(rows).toHaveCount(3);
    const checks = page.getByTestId("row-check");
    await checks.nth(0).check();
    await checks.nth(2).check();
    const bar = page.getByTestId("selection-bar");
    await expect(bar).toContainText("2 selected");
    await bar.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByTestId("compare-view")).toContainText("step");
    await checks.nth(1).check();
    await expect(bar).toContainText("3 selected");
    await page.getByTestId("bulk-replay-url").fill(`http://127.0.0.1:${port}/in`);
    await bar.getByText("path").click();
    await bar.getByRole("button", { name: "Replay 3 in order" }).click();
    await expect(page.getByTestId("bulk-replay-result")).toHaveText("Replayed 3: 200, 200, 200");
    expect(hits).toEqual([
      'POST /in/step/1 {"step":1}',
      'POST /in/step/2 {"step":2}',
      'POST /in/step/3 {"step":3}',
    ]);
  } finally {
    target.close();
  }
});
