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
});
