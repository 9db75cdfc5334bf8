import { describe, expect, it } from "vitest";
import { seal, unseal } from "../secrets/seal";
import { applyBinPatch } from "./apply-patch";

const key = Buffer.alloc(32, 1);
const empty = { settings: {}, secretsSealed: null };

describe("applyBinPatch", () => {
  it("seals a new secret and keeps it out of the settings", () => {
    const outcome = applyBinPatch(empty, { secret: "s3cret", scheme: "github" }, key);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(JSON.stringify(outcome.settings)).not.toContain("s3cret");
    expect(outcome.settings.signing.scheme).toBe("github");
    expect(JSON.parse(unseal(outcome.secretsSealed ?? "", key))).toEqual({ current: "s3cret" });
  });

  it("keeps the other secret when one changes, and removes one sent as null", () => {
    const sealed = seal(JSON.stringify({ current: "a", previous: "b" }), key);
    const changed = applyBinPatch({ settings: {}, secretsSealed: sealed }, { secret: "c" }, key);
    expect(changed.ok && JSON.parse(unseal(changed.secretsSealed ?? "", key))).toEqual({
      current: "c",
      previous: "b",
    });
    const removed = applyBinPatch(
      { settings: {}, secretsSealed: sealed },
      { secret: null, previousSecret: null },
      key,
    );
    expect(removed.ok && removed.secretsSealed).toBeNull();
  });

  it("leaves sealed secrets untouched when the patch does not mention them", () => {
    const sealed = seal(JSON.stringify({ current: "a" }), key);
    const outcome = applyBinPatch(
      { settings: {}, secretsSealed: sealed },
      { duplicates: { fingerprint: false } },
      null,
    );
    expect(outcome).toMatchObject({ ok: true, secretsSealed: sealed });
  });

  it("refuses to store a secret without a key, saying how to fix it", () => {
    expect(applyBinPatch(empty, { secret: "s" }, null)).toMatchObject({
      ok: false,
      status: 503,
      code: "secret_key_missing",
    });
  });

  it("refuses a custom scheme without its description", () => {
    expect(applyBinPatch(empty, { scheme: "custom" }, key)).toMatchObject({ ok: false, status: 400 });
  });
});
