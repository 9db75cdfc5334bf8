import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

const MiB = 1024 * 1024;

describe("loadConfig", () => {
  it("uses the defaults for an empty environment", () => {
    expect(loadConfig({})).toEqual({
      PORT: 3000,
      HOST: "0.0.0.0",
      DATABASE_URL: undefined,
      HOOKSCOPE_DATA_DIR: ".data",
      PUBLIC_URL: undefined,
      CAPTURE_URL: undefined,
      MAX_BODY_BYTES: 10 * MiB,
      TRUST_PROXY: 0,
      HOOKSCOPE_SECRET_KEY: undefined,
      HOOKSCOPE_CREATE_TOKEN: undefined,
      HOOKSCOPE_CAPTURE_MOUNT: "fast",
      MAX_REQUESTS_PER_BIN: 10_000,
      BIN_TTL_DAYS: undefined,
      RATE_LIMIT_PER_MINUTE: 600_000,
      HOUSEKEEPING_INTERVAL_SECONDS: 60,
      REPLAY_BLOCK_PRIVATE: undefined,
      ALLOW_BIN_ALIASES: undefined,
      REPLAY_TIMEOUT_MS: 10_000,
      FORWARD_RETRY_DELAYS_MS: [0, 5000, 30000, 300000],
    });
  });

  it("ignores unrelated variables", () => {
    expect(loadConfig({ PATH: "/usr/bin", HOSTNAME: "box" })).not.toHaveProperty("PATH");
  });

  it("reads every setting", () => {
    expect(
      loadConfig({
        PORT: "8080",
        HOST: "127.0.0.1",
        DATABASE_URL: "postgres://user:pw@db:5432/hookscope",
        HOOKSCOPE_DATA_DIR: "/var/lib/hookscope",
        PUBLIC_URL: "https://hooks.example.com",
        CAPTURE_URL: "https://in.hooks.example.com",
        MAX_BODY_BYTES: "1048576",
        TRUST_PROXY: "2",
        HOOKSCOPE_SECRET_KEY: "k",
        HOOKSCOPE_CREATE_TOKEN: "let-me-in",
        HOOKSCOPE_CAPTURE_MOUNT: "next",
        MAX_REQUESTS_PER_BIN: "500",
        BIN_TTL_DAYS: "7",
        RATE_LIMIT_PER_MINUTE: "120",
        HOUSEKEEPING_INTERVAL_SECONDS: "5",
        REPLAY_BLOCK_PRIVATE: "false",
        ALLOW_BIN_ALIASES: "true",
        REPLAY_TIMEOUT_MS: "2500",
        FORWARD_RETRY_DELAYS_MS: "0, 100,200",
      }),
    ).toEqual({
      PORT: 8080,
      HOST: "127.0.0.1",
      DATABASE_URL: "postgres://user:pw@db:5432/hookscope",
      HOOKSCOPE_DATA_DIR: "/var/lib/hookscope",
      PUBLIC_URL: "https://hooks.example.com",
      CAPTURE_URL: "https://in.hooks.example.com",
      MAX_BODY_BYTES: MiB,
      TRUST_PROXY: 2,
      HOOKSCOPE_SECRET_KEY: "k",
      HOOKSCOPE_CREATE_TOKEN: "let-me-in",
      HOOKSCOPE_CAPTURE_MOUNT: "next",
      MAX_REQUESTS_PER_BIN: 500,
      BIN_TTL_DAYS: 7,
      RATE_LIMIT_PER_MINUTE: 120,
      HOUSEKEEPING_INTERVAL_SECONDS: 5,
      REPLAY_BLOCK_PRIVATE: "false",
      ALLOW_BIN_ALIASES: "true",
      REPLAY_TIMEOUT_MS: 2500,
      FORWARD_RETRY_DELAYS_MS: [0, 100, 200],
    });
  });

  it("rejects an unknown capture mount", () => {
    expect(() => loadConfig({ HOOKSCOPE_CAPTURE_MOUNT: "turbo" })).toThrow("HOOKSCOPE_CAPTURE_MOUNT");
  });

  it.each(["", "   "])("treats DATABASE_URL=%j as unset", (value) => {
    expect(loadConfig({ DATABASE_URL: value }).DATABASE_URL).toBeUndefined();
  });

  it("trims DATABASE_URL", () => {
    expect(loadConfig({ DATABASE_URL: "  postgres://db/x  " }).DATABASE_URL).toBe("postgres://db/x");
  });

  it.each([
    ["HOST", "HOST", "0.0.0.0"],
    ["HOOKSCOPE_DATA_DIR", "HOOKSCOPE_DATA_DIR", ".data"],
  ] as const)("falls back to the default when %s is empty", (_label, key, expected) => {
    expect(loadConfig({ [key]: "" })[key]).toBe(expected);
  });

  it("treats an empty PUBLIC_URL as unset", () => {
    expect(loadConfig({ PUBLIC_URL: "" }).PUBLIC_URL).toBeUndefined();
  });

  describe("TRUST_PROXY", () => {
    it.each([
      [undefined, 0],
      ["", 0],
      ["false", 0],
      ["0", 0],
      ["true", 1],
      ["1", 1],
      ["2", 2],
      [" 3 ", 3],
    ])("reads %j as %i trusted proxies", (value, expected) => {
      expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toBe(expected);
    });

    it.each(["yes", "abc", "-1", "1.5", "NaN"])("rejects %j with a message naming TRUST_PROXY", (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    });
  });

  describe("PUBLIC_URL", () => {
    it("trims a valid URL", () => {
      expect(loadConfig({ PUBLIC_URL: " https://hooks.example.com/ " }).PUBLIC_URL).toBe(
        "https://hooks.example.com/",
      );
    });

    it.each([
      "not a url",
      "/relative/path",
      "hooks.example.com",
      "javascript:alert(1)",
      "ftp://files.example.com",
    ])("rejects %j", (value) => {
      expect(() => loadConfig({ PUBLIC_URL: value })).toThrow("PUBLIC_URL must be an absolute http(s) URL");
    });
  });

  describe("numbers", () => {
    it.each([
      ["PORT", "abc"],
      ["PORT", "70000"],
      ["PORT", "-1"],
      ["PORT", "80.5"],
      ["MAX_BODY_BYTES", "0"],
      ["MAX_BODY_BYTES", "-5"],
      ["MAX_BODY_BYTES", "lots"],
    ])("rejects %s=%j with a message naming it", (key, value) => {
      expect(() => loadConfig({ [key]: value })).toThrow(
        new RegExp(`^Invalid configuration:\\n {2}${key}: `),
      );
    });

    it.each([
      ["0", 0],
      ["65535", 65535],
    ])("accepts PORT=%j", (value, expected) => {
      expect(loadConfig({ PORT: value }).PORT).toBe(expected);
    });
  });

  it("lists every bad setting in one error", () => {
    expect(() => loadConfig({ PORT: "x", TRUST_PROXY: "x", PUBLIC_URL: "x" })).toThrow(
      /PORT: .*\n {2}PUBLIC_URL: .*\n {2}TRUST_PROXY: /,
    );
  });

  it.each(["PORT", "MAX_BODY_BYTES"])("treats an empty %s as unset and uses its default", (name) => {
    const defaults = loadConfig({});
    expect(loadConfig({ [name]: "" })).toEqual(defaults);
  });

  it.each(["0x2", "1e1", " 2 2"])("rejects TRUST_PROXY=%j rather than guessing a number", (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow("TRUST_PROXY");
  });
});
