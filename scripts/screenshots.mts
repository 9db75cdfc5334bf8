// Screenshots of every screen, light and dark, for looking at the UI as a user would.
// Usage: start a server (npm start), then `npx tsx scripts/screenshots.mts [baseURL] [outDir]`.
import { mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const baseURL = process.argv[2] ?? "http://127.0.0.1:3000";
const outDir = process.argv[3] ?? "test-results/screens";
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});

async function send(url: string, init: RequestInit) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
}

for (const colorScheme of ["light", "dark"] as const) {
  const context = await browser.newContext({ baseURL, colorScheme, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const shot = (name: string) => page.screenshot({ path: `${outDir}/${name}-${colorScheme}.png` });

  await page.goto("/");
  await shot("landing");
  await page.getByLabel("Bin name").fill("Stripe staging");
  await page.getByRole("button", { name: "Create bin" }).click();
  await page.waitForURL(/\/bins\//);
  await page.getByTestId("empty-state").waitFor();
  await shot("empty-bin");

  const captureUrl = (await page.getByTestId("capture-url").textContent()) ?? "";
  const binId = captureUrl.split("/h/")[1];
  await page.request.patch(`/api/bins/${binId}`, { data: { secret: "whsec_test_secret" } });
  await send(`${captureUrl}/github?delivery=1`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-github-event": "push",
      "x-github-delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
    },
    body: "payload=%7B%22ref%22%3A%22main%22%7D&other=1",
  });
  await send(`${captureUrl}/github?delivery=1`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-github-event": "push",
      "x-github-delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
    },
    body: "payload=%7B%22ref%22%3A%22main%22%7D&other=1",
  });
  await send(`${captureUrl}/upload`, {
    method: "PUT",
    headers: { "content-type": "application/octet-stream" },
    body: new Uint8Array(Array.from({ length: 300 }, (_, index) => (index * 37) % 256)),
  });
  await send(`${captureUrl}/stripe/webhook`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "stripe-signature": "t=1733240000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd",
    },
    body: JSON.stringify({
      id: "evt_1QdX2a",
      object: "event",
      type: "payment_intent.succeeded",
      livemode: false,
      data: { object: { id: "pi_3QdX", amount: 4200, currency: "eur", metadata: { order: "1042" } } },
    }),
  });
  await page.getByTestId("request-row").nth(3).waitFor();
  await page.waitForTimeout(1_900);
  await page.getByTestId("request-row").first().click();
  await page.getByTestId("json-tree").waitFor();
  await shot("dashboard-json");
  await page.getByRole("tab", { name: /Headers/ }).click();
  await shot("dashboard-headers");
  await page.getByTestId("request-row").nth(1).click();
  await page.getByTestId("hex-view").waitFor();
  await shot("dashboard-hex");
  await page.getByTestId("request-row").nth(2).click();
  await page.getByTestId("form-fields").waitFor();
  await shot("dashboard-duplicate");
  await page.getByTestId("group-retries").check();
  await page.getByTestId("group-toggle").click();
  await shot("dashboard-grouped");
  await shot("dashboard-form");
  await page.getByRole("tab", { name: "Raw" }).click();
  await shot("dashboard-raw");
  await page.getByTestId("request-row").first().click();
  await page.getByRole("tab", { name: "Signature" }).click();
  await shot("dashboard-signature");
  await page.getByRole("tab", { name: "Replay" }).click();
  await page.getByTestId("replay-url").fill(`${baseURL}/api/health`);
  await page.getByRole("button", { name: "Replay", exact: true }).click();
  await page.getByTestId("replay-result").first().waitFor();
  await shot("dashboard-replay");
  await page.getByTestId("compare-select").selectOption({ index: 2 });
  await page.getByTestId("compare-view").getByText("Body").waitFor();
  await shot("dashboard-compare");
  await page.getByRole("button", { name: "Close comparison" }).click();
  await page.getByTestId("search").fill("payment_intent");
  await page.waitForURL(/q=payment_intent/);
  await page.getByTestId("export-menu").click();
  await shot("dashboard-search");
  await page.getByTestId("export-menu").click();
  await page.getByTestId("clear-filters").click();
  await page.getByTestId("open-settings").click();
  await shot("settings");
  await page.getByRole("button", { name: "Close" }).click();

  const upload = new FormData();
  upload.append("event", "invoice.created");
  upload.append("note", "Quarterly invoice, see attachment");
  upload.append("attachment", new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 0xff])]), "invoice.pdf");
  await send(`${captureUrl}/mailgun/inbound`, { method: "POST", body: upload });
  await send(`${captureUrl}/shopify/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
    body: gzipSync(
      JSON.stringify({ id: 820982911946154500, email: "jon@example.com", total_price: "199.00" }),
    ),
  });
  await page.getByTestId("request-row").nth(5).waitFor();
  await page.getByTestId("request-row").first().click();
  await page.getByTestId("content-encoding").waitFor();
  await shot("dashboard-gzip");
  await page.getByTestId("request-row").nth(1).click();
  await page.getByTestId("multipart-parts").waitFor();
  await shot("dashboard-multipart");

  await page.setViewportSize({ width: 420, height: 860 });
  await shot("dashboard-narrow");

  const locked = await browser.newContext({ baseURL, colorScheme, viewport: { width: 1280, height: 800 } });
  const stranger = await locked.newPage();
  await stranger.goto(page.url());
  await stranger.screenshot({ path: `${outDir}/locked-${colorScheme}.png` });
  await locked.close();
  await context.close();
}
await browser.close();
console.log(`Screenshots written to ${outDir}`);
