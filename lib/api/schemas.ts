import { z } from "zod";
import { binSettingsPatchSchema } from "@/core/bins/settings";

const binName = z.string().trim().max(100, "name must be at most 100 characters").nullish();

export const createBinSchema = binSettingsPatchSchema.extend({ name: binName });

export const updateBinSchema = binSettingsPatchSchema.extend({ name: binName });

export const binParamsSchema = z.object({ binId: z.string() });

export const requestIdSchema = z
  .string()
  .regex(/^\d{1,15}$/, "request ids are decimal numbers")
  .transform(Number);

export const listRequestsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: requestIdSchema.optional(),
  duplicates: z.enum(["show", "hide"], { message: 'duplicates must be "show" or "hide"' }).default("show"),
  verdict: z
    .enum(["valid", "invalid", "missing", "expired", "unchecked"], {
      message: "verdict must be one of valid, invalid, missing, expired, unchecked",
    })
    .optional(),
});

export const lastEventIdSchema = requestIdSchema.optional();
