import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["{core,db,server,lib}/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./test/global-setup.ts"],
    // Each file opens its own in-memory PGlite (about 2 s of initdb); Postgres tests share one database.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
