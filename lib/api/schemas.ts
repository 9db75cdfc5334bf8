import { z } from "zod";
import { HEADER_NAME } from "@/core/bins/header-name";
import { binSettingsPatchSchema } from "@/core/bins/settings";
import { BIN_ALIAS_PATTERN } from "@/core/ids";

const binName = z.string().trim().max(100, "name must be at most 100 characters").nullish();

export const createBinSchema = binSettingsPatchSchema.extend({
  name: binName,
  /** A chosen id: the capture URL becomes /h/<alias> and stays the same on a new instance. */
  alias: z
    .string()
    .regex(
      BIN_ALIAS_PATTERN,
      "alias must be 3–64 lower-case letters, digits or dashes, starting with a letter or digit",
    )
    .optional(),
});

export const updateBinSchema = binSettingsPatchSchema.extend({ name: binName });

export const binParamsSchema = z.object({ binId: z.string() });

export const requestIdSchema = z
  .string()
  .regex(/^\d{1,15}$/, "request ids are decimal numbers")
  .transform(Number);

/** Paging of a request list; the filter is parsed beside it with requestFilterParamsSchema. */
export const listRequestsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: requestIdSchema.optional(),
});

export const lastEventIdSchema = requestIdSchema.optional();

const headerPair = z.tuple([
  z.string().regex(HEADER_NAME, "header names must be valid HTTP tokens"),
  z.string(),
]);

export const replaySchema = z
  .strictObject({
    url: z.url({ protocol: /^https?$/, message: "url must be an absolute http(s) URL" }),
    method: z
      .string()
      .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/, "method must be an HTTP method")
      .optional(),
    headers: z.array(headerPair).max(500).optional(),
    body: z.string().optional(),
    bodyBase64: z.base64("bodyBase64 must be base64").optional(),
    appendPath: z.boolean().default(false),
    /** Make the signature again with the bin's secret and the current time. */
    resign: z.boolean().default(false),
    /** Follow up to 5 redirects (each new address is checked like the first); off, a 3xx is the answer. */
    followRedirects: z.boolean().default(false),
  })
  .refine((replay) => replay.body === undefined || replay.bodyBase64 === undefined, {
    message: "send body or bodyBase64, not both",
  });

export const bulkReplaySchema = z.strictObject({
  ids: z
    .array(requestIdSchema)
    .min(1, "ids must name at least one request")
    .max(500, "at most 500 requests at once"),
  url: z.url({ protocol: /^https?$/, message: "url must be an absolute http(s) URL" }),
  appendPath: z.boolean().default(false),
  resign: z.boolean().default(false),
  followRedirects: z.boolean().default(false),
});

export const waitForRequestQuerySchema = z.object({
  after: requestIdSchema.optional(),
  timeout: z.coerce.number().min(0).max(60, "timeout is at most 60 seconds").default(30),
});
