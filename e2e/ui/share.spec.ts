import { expect, test } from "@playwright/test";
import { nodeHttp } from "../helpers";

test("a share link opens the bin read-only in another browser, live, until it is revoked", async ({
  page,
  browser,
}) => {
  await page.goto("/");
  await page.getByLabel("Bin name").fill("shared");
  await page.getByRole("button", { name: "Create bin" }).click();
  await expect(page.getByTestId("stream-state")).toHaveAttribute("data-state", "live");
  const captureUrl = (await page.getByTestId("capture-url").textContent()) ?? "";
  await nodeHttp(`${captureUrl}/first`, { body: '{"n":1}' });

  await page.getByTestId("open-share").click();
  await page.getByTestId("create-share").click();
  const url = (await page.getByTestId("share-url").textContent()) ?? "";
  expect(url).toContain("/share/hss_");

  const colleague = await browser.newContext();
  const view = await colleague.newPage();
  await view.goto(url);
  await expect(view).toHaveURL(/\/bins\/[A-Za-z0-9_-]{22}$/);
  await expect(view.getByTestId("read-only")).toHaveText("Read-only share");
  await expect(view.getByTestId("stream-state")).toHaveAttribute("data-state", "live");
  const rows = view.getByTestId("request-row");
  await expect(rows).toHaveCount(1);
  await expect(view.getByTestId("open-settings")).toHaveCount(0);
  await expect(view.getByTestId("delete-request")).toHaveCount(0);
  await expect(view.getByRole("tab", { name: "Replay" })).toHaveCount(0);
  await expect(view.getByTestId("import-button")).toHaveCount(0);

  await nodeHttp(`${captureUrl}/second`, { body: '{"n":2}' });
  await expect(rows).toHaveCount(2);

  await page.getByTestId("share-row").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("share-row")).toHaveCount(0);
  await view.reload();
  await expect(view.getByText("This bin is locked")).toBeVisible();
  await colleague.close();
});
