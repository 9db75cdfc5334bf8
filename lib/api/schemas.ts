import { z } from "zod";

export const createBinSchema = z.strictObject({
  name: z.string().trim().max(100, "name must be at most 100 characters").nullish(),
});

export const binParamsSchema = z.object({ binId: z.string() });

export const requestIdSchema = z
  .string()
  .regex(/^\d{1,15}$/, "request ids are decimal numbers")
  .transform(Number);

export const listRequestsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: requestIdSchema.optional(),
});

export const lastEventIdSchema = requestIdSchema.optional();
