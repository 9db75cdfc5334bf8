import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { maskSecret, seal, unseal } from "./seal";
import { keyFromSetting, resolveSecretKey } from "./secret-key";

const key = Buffer.alloc(32, 7);

describe("seal", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = seal("whsec_very_secret", key);
    expect(sealed).not.toContain("very_secret");
    expect(unseal(sealed, key)).toBe("whsec_very_secret");
  });

  it("uses a fresh IV every time", () => {
    expect(seal("same", key)).not.toBe(seal("same", key));
  });

  it("refuses a wrong key and a tampered value", () => {
    const sealed = seal("secret", key);
    expect(() => unseal(sealed, Buffer.alloc(32, 8))).toThrow();
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => unseal(`v1:${raw.toString("base64")}`, key)).toThrow();
  });
});

describe("maskSecret", () => {
  it("shows only the ends of long secrets and nothing of short ones", () => {
    expect(maskSecret("whsec_abcdefghijkl9f3c")).toBe("whse…9f3c");
    expect(maskSecret("short")).toBe("••••");
  });
});

describe("secret key", () => {
  it("reads 32-byte base64 and hex keys as their bytes, and hashes anything else", () => {
    expect(keyFromSetting(key.toString("base64"))).toEqual(key);
    expect(keyFromSetting(key.toString("hex"))).toEqual(key);
    expect(keyFromSetting("a passphrase")).toHaveLength(32);
  });

  it("generates a key once into the data folder, readable by its owner only", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hookscope-key-"));
    const first = resolveSecretKey({ dataDir: dir });
    expect(first).toHaveLength(32);
    expect(resolveSecretKey({ dataDir: dir })).toEqual(first);
    expect(statSync(path.join(dir, "secret.key")).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, "secret.key"), "utf8").trim()).toHaveLength(44);
  });

  it("prefers the configured key and has none for a server database without one", () => {
    expect(resolveSecretKey({ setting: key.toString("base64"), dataDir: "/nonexistent" })).toEqual(key);
    expect(resolveSecretKey({})).toBeNull();
  });
});
