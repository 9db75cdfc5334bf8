import { z } from "zod";
import { DEFAULT_DUPLICATE_SETTINGS, type DuplicateSettings } from "../duplicates/duplicate-key";
import { JSON_PATH_PATTERN } from "../duplicates/json-path";
import { SCHEME_IDS } from "../signatures/schemes";
import { type CustomSchemeConfig, customSchemeSchema } from "../signatures/schemes/custom";
import {
  type FailureSettings,
  failureSettingsSchema,
  type ResponseSettings,
  responseSettingsSchema,
} from "./behaviour";
import { HEADER_NAME } from "./header-name";

const duplicatesPatchSchema = z.strictObject({
  fingerprint: z.boolean().optional(),
  header: z.string().trim().regex(HEADER_NAME, "header must be a valid HTTP header name").nullish(),
  jsonPath: z
    .string()
    .trim()
    .max(200)
    .regex(JSON_PATH_PATTERN, "jsonPath must look like data.object.id or items[0].id")
    .nullish(),
});

/** Every captured request is also sent here, after it is stored and acknowledged. */
export const forwardRuleSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: "forwarding url must be an absolute http(s) URL" }),
  appendPath: z.boolean().default(false),
  resign: z.boolean().default(false),
});
export type ForwardRule = z.output<typeof forwardRuleSchema>;

const secretSchema = z.string().min(1, "a secret cannot be empty (send null to remove it)").max(1000);

export const signatureSchemeChoice = z.enum(["auto", "custom", ...SCHEME_IDS], {
  message: `scheme must be one of: auto, custom, ${SCHEME_IDS.join(", ")}`,
});

/** What a client may change; `null` clears an optional setting. */
export const binSettingsPatchSchema = z.strictObject({
  duplicates: duplicatesPatchSchema.optional(),
  secret: secretSchema.nullish(),
  previousSecret: secretSchema.nullish(),
  scheme: signatureSchemeChoice.optional(),
  customScheme: customSchemeSchema.nullish(),
  response: responseSettingsSchema.nullish(),
  failure: failureSettingsSchema.nullish(),
  cors: z.boolean().optional(),
  maxRequests: z.number().int().min(1).max(10_000_000).nullish(),
  rateLimitPerMinute: z.number().int().min(1).max(10_000_000).nullish(),
  forwarding: z.array(forwardRuleSchema).max(5, "at most 5 forwarding rules").optional(),
});
export type BinSettingsPatch = z.infer<typeof binSettingsPatchSchema>;

export interface SigningSettings {
  scheme: string;
  custom?: CustomSchemeConfig;
}

export interface BinSettings {
  duplicates: DuplicateSettings;
  signing: SigningSettings;
  /** Null: the default `200 {"ok":true,"id":…}`. */
  response: ResponseSettings | null;
  failure: FailureSettings | null;
  cors: boolean;
  /** Null: the instance's default cap. */
  maxRequests: number | null;
  rateLimitPerMinute: number | null;
  forwarding: ForwardRule[];
}

const DEFAULT_SIGNING: SigningSettings = { scheme: "auto" };

const storedSchema = z.object({
  duplicates: z
    .object({ fingerprint: z.boolean(), header: z.string().optional(), jsonPath: z.string().optional() })
    .catch(() => ({ ...DEFAULT_DUPLICATE_SETTINGS }))
    .default(() => ({ ...DEFAULT_DUPLICATE_SETTINGS })),
  signing: z
    .object({ scheme: z.string(), custom: customSchemeSchema.optional() })
    .catch(() => ({ ...DEFAULT_SIGNING }))
    .default(() => ({ ...DEFAULT_SIGNING })),
  response: responseSettingsSchema.nullable().catch(null).default(null),
  failure: failureSettingsSchema.nullable().catch(null).default(null),
  cors: z.boolean().catch(true).default(true),
  maxRequests: z.number().int().positive().nullable().catch(null).default(null),
  rateLimitPerMinute: z.number().int().positive().nullable().catch(null).default(null),
  forwarding: z.array(forwardRuleSchema).catch([]).default([]),
});

/** Settings as stored (any older shape), with defaults filled in. */
export function readBinSettings(stored: unknown): BinSettings {
  const isObject = typeof stored === "object" && stored !== null && !Array.isArray(stored);
  return storedSchema.parse(isObject ? stored : {});
}

/** The settings after a patch; secrets are not settings (they are sealed apart) and are ignored here. */
export function applySettingsPatch(current: BinSettings, patch: BinSettingsPatch): BinSettings {
  const next: BinSettings = {
    ...current,
    duplicates: { ...current.duplicates },
    signing: { ...current.signing },
  };
  if (patch.duplicates) {
    const { fingerprint, header, jsonPath } = patch.duplicates;
    if (fingerprint !== undefined) next.duplicates.fingerprint = fingerprint;
    if (header !== undefined) next.duplicates.header = header ?? undefined;
    if (jsonPath !== undefined) next.duplicates.jsonPath = jsonPath ?? undefined;
  }
  if (patch.scheme !== undefined) next.signing.scheme = patch.scheme;
  if (patch.customScheme !== undefined) next.signing.custom = patch.customScheme ?? undefined;
  if (patch.response !== undefined) next.response = patch.response;
  if (patch.failure !== undefined) next.failure = patch.failure;
  if (patch.cors !== undefined) next.cors = patch.cors;
  if (patch.maxRequests !== undefined) next.maxRequests = patch.maxRequests;
  if (patch.rateLimitPerMinute !== undefined) next.rateLimitPerMinute = patch.rateLimitPerMinute;
  if (patch.forwarding !== undefined) next.forwarding = patch.forwarding;
  // Stored as plain JSON: undefined keys must not linger.
  return JSON.parse(JSON.stringify(next)) as BinSettings;
}

/** A custom scheme must be described before it can be chosen. */
export function settingsProblem(settings: BinSettings): string | null {
  return settings.signing.scheme === "custom" && !settings.signing.custom
    ? 'scheme "custom" needs customScheme: {header, algorithm, encoding, prefix, signs}'
    : null;
}
