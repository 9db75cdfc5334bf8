import { bodyHmacCheck } from "../crypto";
import { header } from "../request-parts";
import type { SignatureScheme, SignedRequest } from "../types";

/** The signed `webhookTimestamp` (milliseconds) from the JSON body: null when absent, NaN when not a number. */
function bodyTimestamp(request: SignedRequest): number | null {
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString("utf8"));
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null || !("webhookTimestamp" in body)) return null;
  const value = body.webhookTimestamp;
  if (value === null || value === undefined) return null;
  return typeof value === "number" && Number.isFinite(value) ? value : Number.NaN;
}

/**
 * Linear: `Linear-Signature: <hex>`, an HMAC-SHA256 of the raw body. The timestamp is the body's
 * `webhookTimestamp` (ms), covered by the signature; `@linear/sdk` ignores the Linear-Timestamp header.
 */
export const linear: SignatureScheme = {
  id: "linear",
  name: "Linear",
  signs: "an HMAC-SHA256 of the raw body (which carries webhookTimestamp)",
  // @linear/sdk rejects a webhookTimestamp more than 60 s from now, in either direction.
  toleranceSeconds: 60,
  detect: (request) => header(request, "linear-signature") !== undefined,
  parse(request) {
    const value = header(request, "linear-signature");
    if (!value) return { problem: "missing", reason: "No Linear-Signature header." };
    if (!/^[0-9a-fA-F]+$/.test(value))
      return { problem: "invalid", reason: "Linear-Signature is not a hex digest (Linear sends bare hex)." };
    const milliseconds = bodyTimestamp(request);
    if (milliseconds === null) {
      return {
        problem: "missing",
        reason:
          "Linear-Signature is present, but the JSON body has no webhookTimestamp, the signed timestamp Linear puts in every delivery.",
      };
    }
    if (Number.isNaN(milliseconds))
      return { problem: "invalid", reason: "webhookTimestamp in the body is not a number of milliseconds." };
    return { received: [value.toLowerCase()], timestamp: milliseconds / 1000, source: "Linear-Signature" };
  },
  check: bodyHmacCheck("sha256", "hex"),
};
