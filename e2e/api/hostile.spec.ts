import { expect, test } from "@playwright/test";
import { describeFailures, runAttacks } from "../hostile/runner";
import { E2E_MAX_BODY_BYTES } from "../servers";

// The whole catalogue once (scale 1); `npm run hostile` runs it at a larger scale with 60 s trickles.
test("survives the hostile-input catalogue and loses nothing it acknowledged", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const report = await runAttacks(baseURL as string, { scale: 1, maxBodyBytes: E2E_MAX_BODY_BYTES });
  expect(report.passed, describeFailures(report)).toBe(true);
  expect(report.health).toEqual({ before: 200, after: 200 });
  expect(report.totals.sent).toBeGreaterThan(100);
  expect(report.totals.stored).toBe(report.totals.recorded);
});
