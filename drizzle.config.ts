import { defineConfig } from "drizzle-kit";
import { migrationsFolder } from "./db/migrations-folder";

// `drizzle-kit generate` needs no database; the app applies the generated SQL itself at start-up.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: migrationsFolder,
  casing: "snake_case",
  strict: true,
});
