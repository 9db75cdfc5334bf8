import { z } from "zod";

const MiB = 1024 * 1024;

const optionalString = z
  .string()
  .optional()
  .transform((value) => value?.trim());

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Not HOSTNAME: shells set that to the machine's name.
  HOST: optionalString.transform((value) => value ?? "0.0.0.0"),
  DATABASE_URL: optionalString,
  HOOKSCOPE_DATA_DIR: optionalString.transform((value) => value ?? ".data"),
  HOOKSCOPE_SECRET_KEY: optionalString,
  // Set on a public instance: creating a bin then takes this access code (capture stays open).
  HOOKSCOPE_CREATE_TOKEN: optionalString,
  // Which mount answers capture URLs: the lean node:http path (default) or the Next route handler.
  HOOKSCOPE_CAPTURE_MOUNT: z.enum(["fast", "next"]).default("fast"),
  PUBLIC_URL: optionalString.pipe(
    z.url({ protocol: /^https?$/, message: "PUBLIC_URL must be an absolute http(s) URL" }).optional(),
  ),
  // A separate origin for capture URLs (https://hooks.example.com): what senders are given and reach.
  CAPTURE_URL: optionalString.pipe(
    z.url({ protocol: /^https?$/, message: "CAPTURE_URL must be an absolute http(s) URL" }).optional(),
  ),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * MiB),
  MAX_REQUESTS_PER_BIN: z.coerce.number().int().positive().default(10_000),
  BIN_TTL_DAYS: z.coerce.number().positive().optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600_000),
  HOUSEKEEPING_INTERVAL_SECONDS: z.coerce.number().positive().default(60),
  // Unset: private targets allowed on a local instance, refused once PUBLIC_URL says it is hosted.
  REPLAY_BLOCK_PRIVATE: z.enum(["true", "false"]).optional(),
  // Unset: bins may take a chosen name (/h/acme-staging) locally, not once PUBLIC_URL says it is hosted.
  ALLOW_BIN_ALIASES: z.enum(["true", "false"]).optional(),
  FORWARD_RETRY_DELAYS_MS: optionalString.transform((value, ctx) => {
    const delays = (value ?? "0,5000,30000,300000").split(",").map((item) => Number(item.trim()));
    if (delays.length === 0 || delays.some((delay) => !Number.isInteger(delay) || delay < 0)) {
      ctx.addIssue({
        code: "custom",
        message: "FORWARD_RETRY_DELAYS_MS must be a comma-separated list of milliseconds",
      });
      return z.NEVER;
    }
    return delays;
  }),
  REPLAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  TRUST_PROXY: optionalString.transform((value, ctx) => {
    if (value === undefined || value === "false" || value === "0") return 0;
    if (value === "true") return 1;
    if (!/^\d+$/.test(value)) {
      ctx.addIssue({ code: "custom", message: "TRUST_PROXY must be true, false or a number of proxies" });
      return z.NEVER;
    }
    return Number(value);
  }),
});

export type Config = z.infer<typeof configSchema>;

/** Reads and validates the environment once; a bad value stops the process with a message naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty values count as unset, so `DATABASE_URL=` in a shell or a test runner selects the embedded default.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value?.trim()));
  const parsed = configSchema.safeParse(set);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}
