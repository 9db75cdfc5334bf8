import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { serverUrl } from "./e2e/servers";

// Debian's Chromium: Playwright's own browser download is not available on every machine.
const chromium =
  process.env.CHROMIUM_PATH ??
  ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => existsSync(file));

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/servers.ts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 30_000,
  use: { trace: "retain-on-failure" },
  projects: [
    {
      name: "api-pglite",
      testDir: "./e2e/api",
      testIgnore: /instances\.spec/,
      use: { baseURL: serverUrl("pglite") },
    },
    {
      name: "api-postgres",
      testDir: "./e2e/api",
      // The embedded-database spec starts servers of its own; it needs no second pass.
      testIgnore: /(embedded|cli|access-gate)\.spec/,
      use: { baseURL: serverUrl("postgresA") },
    },
    {
      // The same capture specs against the reference mount: the Next route handler.
      name: "api-next-mount",
      testDir: "./e2e/api",
      testMatch: /(capture|duplicates|signatures|events|behaviour)\.spec/,
      use: { baseURL: serverUrl("nextMount") },
    },
    {
      name: "ui",
      testDir: "./e2e/ui",
      use: {
        ...devices["Desktop Chrome"],
        baseURL: serverUrl("pglite"),
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: chromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
});
