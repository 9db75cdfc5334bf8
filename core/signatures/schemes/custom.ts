import { z } from "zod";
import { HEADER_NAME } from "../../bins/header-name";
import { anyEqual, hmac } from "../crypto";
import { header, parseUnixSeconds } from "../request-parts";
import type { SignatureScheme } from "../types";

/** A sender that follows no provider: which header, which HMAC, how encoded, over what. */
export const customSchemeSchema = z
  .strictObject({
    header: z.string().trim().regex(HEADER_NAME, "header must be a valid HTTP header name"),
    algorithm: z.enum(["sha1", "sha256", "sha512"]).default("sha256"),
    encoding: z.enum(["hex", "base64"]).default("hex"),
    prefix: z.string().max(40).default(""),
    signs: z.enum(["body", "timestamp.body"]).default("body"),
    timestampHeader: z
      .string()
      .trim()
      .regex(HEADER_NAME, "timestampHeader must be a valid HTTP header name")
      .optional(),
    toleranceSeconds: z.number().int().min(1).max(86_400).default(300),
  })
  .refine((scheme) => scheme.signs === "body" || scheme.timestampHeader, {
    message: 'timestampHeader is required when signs is "timestamp.body"',
    path: ["timestampHeader"],
  });

export type CustomSchemeConfig = z.output<typeof customSchemeSchema>;

export function customScheme(config: CustomSchemeConfig): SignatureScheme {
  const timestamped = config.signs === "timestamp.body";
  const algorithmName = `HMAC-${config.algorithm.toUpperCase().replace("SHA", "SHA-")}`;
  return {
    id: "custom",
    name: "Custom",
    signs: `an ${algorithmName} (${config.encoding}) of ${timestamped ? '"<timestamp>.<body>"' : "the raw body"}`,
    toleranceSeconds: timestamped ? config.toleranceSeconds : undefined,
    detect: (request) => header(request, config.header) !== undefined,
    parse(request) {
      const value = header(request, config.header);
      if (!value) return { problem: "missing", reason: `No ${config.header} header.` };
      if (!value.startsWith(config.prefix)) {
        return { problem: "invalid", reason: `${config.header} does not start with "${config.prefix}".` };
      }
      const signature = value.slice(config.prefix.length);
      const received = [config.encoding === "hex" ? signature.toLowerCase() : signature];
      if (!timestamped) return { received, source: config.header };
      const timestamp = parseUnixSeconds(header(request, config.timestampHeader ?? ""));
      if (timestamp === undefined) {
        return {
          problem: "missing",
          reason: `No numeric ${config.timestampHeader} header beside ${config.header}.`,
        };
      }
      return { received, timestamp, source: config.header };
    },
    check(request, parsed, secret) {
      const prefix = timestamped ? `${parsed.timestamp}.` : "";
      const expected = hmac(config.algorithm, secret, [prefix, request.body], config.encoding);
      return {
        matches: anyEqual(expected, parsed.received),
        expected,
        signedContent: prefix + request.body.toString("utf8"),
      };
    },
  };
}
