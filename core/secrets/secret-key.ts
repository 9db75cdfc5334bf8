import { createHash, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** 32 bytes from HOOKSCOPE_SECRET_KEY: base64 or hex of 32 bytes as generated, or any other string hashed. */
export function keyFromSetting(value: string): Buffer {
  for (const encoding of ["base64", "hex"] as const) {
    const decoded = Buffer.from(value, encoding);
    if (decoded.length === 32 && decoded.toString(encoding).replace(/=+$/, "") === value.replace(/=+$/, "")) {
      return decoded;
    }
  }
  return createHash("sha256").update(value, "utf8").digest();
}

/**
 * The key that seals bin secrets. Set HOOKSCOPE_SECRET_KEY to share one key between instances; the
 * embedded default generates one once into its data folder (readable by its owner only). Null when
 * neither applies: PostgreSQL deployments must set the key before bins can hold secrets.
 */
export function resolveSecretKey(options: { setting?: string; dataDir?: string }): Buffer | null {
  if (options.setting) return keyFromSetting(options.setting);
  if (!options.dataDir) return null;
  const file = path.resolve(options.dataDir, "secret.key");
  try {
    return keyFromSetting(readFileSync(file, "utf8").trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const generated = randomBytes(32).toString("base64");
  writeFileSync(file, `${generated}\n`, { flag: "wx", mode: 0o600 });
  chmodSync(file, 0o600);
  return keyFromSetting(generated);
}
