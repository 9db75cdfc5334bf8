import { describe, expect, it } from "vitest";
import {
  applySettingsPatch,
  type BinSettings,
  binSettingsPatchSchema,
  readBinSettings,
  settingsProblem,
} from "./settings";

// What every stored settings object reads back with when behaviour settings were never set.
const behaviourDefaults = {
  response: null,
  failure: null,
  cors: true,
  maxRequests: null,
  rateLimitPerMinute: null,
  forwarding: [],
};

describe("readBinSettings", () => {
  it.each([
    ["an empty object", {}],
    ["null", null],
    ["undefined", undefined],
    ["duplicates of the wrong type", { duplicates: "nope" }],
    ["duplicates missing fingerprint", { duplicates: { header: "X-Id" } }],
    ["fingerprint of the wrong type", { duplicates: { fingerprint: "yes" } }],
    ["duplicates set to null", { duplicates: null }],
  ])("fills in defaults from %s", (_label, stored) => {
    expect(readBinSettings(stored)).toEqual({
      duplicates: { fingerprint: true },
      signing: { scheme: "auto" },
      ...behaviourDefaults,
    });
  });

  it("keeps valid stored settings", () => {
    const stored = {
      duplicates: { fingerprint: false, header: "X-Request-Id", jsonPath: "data.id" },
      signing: { scheme: "stripe" },
      ...behaviourDefaults,
    };
    expect(readBinSettings(stored)).toEqual(stored);
  });

  it("drops keys it does not know", () => {
    expect(readBinSettings({ legacy: 1, duplicates: { fingerprint: false, extra: true } })).toEqual({
      duplicates: { fingerprint: false },
      signing: { scheme: "auto" },
      ...behaviourDefaults,
    });
  });

  it("returns a fresh object for each read of the defaults", () => {
    const first = readBinSettings({});
    first.duplicates.fingerprint = false;
    expect(readBinSettings({}).duplicates.fingerprint).toBe(true);
  });
});

describe("binSettingsPatchSchema", () => {
  it.each([
    ["an empty patch", {}],
    ["an empty duplicates patch", { duplicates: {} }],
    ["fingerprint off", { duplicates: { fingerprint: false } }],
    ["a header", { duplicates: { header: "X-Request-Id" } }],
    ["a header of token characters", { duplicates: { header: "X-Custom_Id.v2!#$%&'*+^`|~" } }],
    ["a JSON path", { duplicates: { jsonPath: "data.object.id" } }],
    ["a $. JSON path with an index", { duplicates: { jsonPath: "$.items[0].id" } }],
    ["null to clear the header", { duplicates: { header: null } }],
    ["null to clear the JSON path", { duplicates: { jsonPath: null } }],
  ])("accepts %s", (_label, patch) => {
    expect(binSettingsPatchSchema.safeParse(patch).success).toBe(true);
  });

  it("trims the header and JSON path", () => {
    expect(
      binSettingsPatchSchema.parse({ duplicates: { header: "  X-Request-Id ", jsonPath: " data.id\n" } }),
    ).toEqual({ duplicates: { header: "X-Request-Id", jsonPath: "data.id" } });
  });

  it.each([
    ["a header with a space", { duplicates: { header: "bad header" } }],
    ["a header with a colon", { duplicates: { header: "x:y" } }],
    ["an empty header", { duplicates: { header: "" } }],
    ["a blank header", { duplicates: { header: "   " } }],
    ["a header longer than 100 characters", { duplicates: { header: "X".repeat(101) } }],
    ["a non-ASCII header", { duplicates: { header: "X-Idé" } }],
    ["a JSON path with an empty step", { duplicates: { jsonPath: "..a" } }],
    ["a JSON path with a trailing dot", { duplicates: { jsonPath: "a." } }],
    ["a JSON path with a non-numeric index", { duplicates: { jsonPath: "a[x]" } }],
    ["an empty JSON path", { duplicates: { jsonPath: "" } }],
    ["a JSON path longer than 200 characters", { duplicates: { jsonPath: `a${".b".repeat(100)}` } }],
    ["a non-boolean fingerprint", { duplicates: { fingerprint: "true" } }],
    ["an unknown top-level key", { retention: 7 }],
    ["an unknown duplicates key", { duplicates: { window: 60 } }],
    ["null duplicates", { duplicates: null }],
    ["a null fingerprint", { duplicates: { fingerprint: null } }],
  ])("rejects %s", (_label, patch) => {
    expect(binSettingsPatchSchema.safeParse(patch).success).toBe(false);
  });
});

describe("applySettingsPatch", () => {
  const current: BinSettings = {
    duplicates: { fingerprint: true, header: "X-Request-Id", jsonPath: "data.id" },
    signing: { scheme: "auto" },
    ...behaviourDefaults,
  };

  it("sets the header without touching the other fields", () => {
    expect(applySettingsPatch(current, { duplicates: { header: "X-Correlation-Id" } })).toEqual({
      duplicates: { fingerprint: true, header: "X-Correlation-Id", jsonPath: "data.id" },
      signing: { scheme: "auto" },
      ...behaviourDefaults,
    });
  });

  it("sets the JSON path without touching the other fields", () => {
    expect(applySettingsPatch(current, { duplicates: { jsonPath: "event.id" } })).toEqual({
      duplicates: { fingerprint: true, header: "X-Request-Id", jsonPath: "event.id" },
      signing: { scheme: "auto" },
      ...behaviourDefaults,
    });
  });

  it("clears the header with null, leaving no key behind", () => {
    const next = applySettingsPatch(current, { duplicates: { header: null } });
    expect(next).toEqual({
      duplicates: { fingerprint: true, jsonPath: "data.id" },
      signing: { scheme: "auto" },
      ...behaviourDefaults,
    });
    expect(Object.keys(next.duplicates)).not.toContain("header");
  });

  it("clears the JSON path with null, leaving no key behind", () => {
    const next = applySettingsPatch(current, { duplicates: { jsonPath: null } });
    expect(next).toEqual({
      duplicates: { fingerprint: true, header: "X-Request-Id" },
      signing: { scheme: "auto" },
      ...behaviourDefaults,
    });
    expect(Object.keys(next.duplicates)).not.toContain("jsonPath");
  });

  it.each([false, true])("sets fingerprint to %s without touching the other fields", (fingerprint) => {
    expect(applySettingsPatch(current, { duplicates: { fingerprint } })).toEqual({
      duplicates: { fingerprint, header: "X-Request-Id", jsonPath: "data.id" },
      signing: { scheme: "auto" },
      ...behaviourDefaults,
    });
  });

  it.each([
    ["an empty patch", {}],
    ["an empty duplicates patch", { duplicates: {} }],
  ])("returns an equal copy for %s", (_label, patch) => {
    const next = applySettingsPatch(current, patch);
    expect(next).toEqual(current);
    expect(next).not.toBe(current);
    expect(next.duplicates).not.toBe(current.duplicates);
  });

  it("applies several changes at once", () => {
    expect(
      applySettingsPatch(current, { duplicates: { fingerprint: false, header: null, jsonPath: "x[1].y" } }),
    ).toEqual({
      duplicates: { fingerprint: false, jsonPath: "x[1].y" },
      signing: { scheme: "auto" },
      ...behaviourDefaults,
    });
  });

  it("never mutates its input", () => {
    const input: BinSettings = structuredClone(current);
    applySettingsPatch(input, { duplicates: { fingerprint: false, header: null, jsonPath: "other.id" } });
    applySettingsPatch(input, { duplicates: { header: "X-Other" } });
    expect(input).toEqual(current);
  });

  it("accepts the output of the patch schema end to end", () => {
    const patch = binSettingsPatchSchema.parse({ duplicates: { header: " X-Hook-Id ", fingerprint: false } });
    expect(applySettingsPatch(readBinSettings({}), patch)).toEqual({
      duplicates: { fingerprint: false, header: "X-Hook-Id" },
      signing: { scheme: "auto" },
      ...behaviourDefaults,
    });
  });
});

describe("readBinSettings: stored values of any shape", () => {
  it.each(["garbage", 42, [], true])("falls back to the defaults for %j", (stored) => {
    expect(readBinSettings(stored)).toEqual({
      duplicates: { fingerprint: true },
      signing: { scheme: "auto" },
      ...behaviourDefaults,
    });
  });

  it("hands out a fresh object each time, so changing one cannot change the defaults", () => {
    const first = readBinSettings({ duplicates: "nope" });
    first.duplicates.fingerprint = false;
    expect(readBinSettings({ duplicates: "nope" }).duplicates.fingerprint).toBe(true);
    expect(readBinSettings({}).duplicates.fingerprint).toBe(true);
  });
});

describe("signing settings", () => {
  it("chooses a scheme and describes a custom one", () => {
    const next = applySettingsPatch(readBinSettings({}), {
      scheme: "custom",
      customScheme: {
        header: "X-Sig",
        algorithm: "sha256",
        encoding: "hex",
        prefix: "",
        signs: "body",
        toleranceSeconds: 300,
      },
    });
    expect(next.signing).toEqual({
      scheme: "custom",
      custom: {
        header: "X-Sig",
        algorithm: "sha256",
        encoding: "hex",
        prefix: "",
        signs: "body",
        toleranceSeconds: 300,
      },
    });
    expect(settingsProblem(next)).toBeNull();
    expect(settingsProblem(applySettingsPatch(next, { customScheme: null }))).toContain("customScheme");
  });

  it.each([{ scheme: "paypal" }, { secret: "" }, { customScheme: { header: "bad header" } }])(
    "rejects %j",
    (patch) => {
      expect(binSettingsPatchSchema.safeParse(patch).success).toBe(false);
    },
  );
});
