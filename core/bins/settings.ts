import { z } from "zod";
import { DEFAULT_DUPLICATE_SETTINGS, type DuplicateSettings } from "../duplicates/duplicate-key";
import { JSON_PATH_PATTERN } from "../duplicates/json-path";

// RFC 9110 token characters: what a header name may be made of.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

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

/** What a client may change; `null` clears an optional setting. */
export const binSettingsPatchSchema = z.strictObject({
  duplicates: duplicatesPatchSchema.optional(),
});
export type BinSettingsPatch = z.infer<typeof binSettingsPatchSchema>;

export interface BinSettings {
  duplicates: DuplicateSettings;
}

const storedSchema = z.object({
  duplicates: z
    .object({ fingerprint: z.boolean(), header: z.string().optional(), jsonPath: z.string().optional() })
    .catch(() => ({ ...DEFAULT_DUPLICATE_SETTINGS }))
    .default(() => ({ ...DEFAULT_DUPLICATE_SETTINGS })),
});

/** Settings as stored (any older shape), with defaults filled in. */
export function readBinSettings(stored: unknown): BinSettings {
  const isObject = typeof stored === "object" && stored !== null && !Array.isArray(stored);
  return storedSchema.parse(isObject ? stored : {});
}

export function applySettingsPatch(current: BinSettings, patch: BinSettingsPatch): BinSettings {
  const next: BinSettings = { duplicates: { ...current.duplicates } };
  if (patch.duplicates) {
    const { fingerprint, header, jsonPath } = patch.duplicates;
    if (fingerprint !== undefined) next.duplicates.fingerprint = fingerprint;
    if (header !== undefined) next.duplicates.header = header ?? undefined;
    if (jsonPath !== undefined) next.duplicates.jsonPath = jsonPath ?? undefined;
  }
  // Stored as plain JSON: undefined keys would otherwise linger as explicit nulls in some paths.
  return JSON.parse(JSON.stringify(next)) as BinSettings;
}
