// One constant for drizzle-kit (where it writes) and the migrator (where it reads).
export const migrationsFolder = "./db/migrations";
