import { bodyHmacCheck } from "../crypto";
import { header } from "../request-parts";
import type { SignatureScheme } from "../types";

const signatureHeader = (request: Parameters<SignatureScheme["detect"]>[0]) =>
  header(request, "x-shopify-hmac-sha256") ?? header(request, "shopify-hmac-sha256");

/** Shopify: `X-Shopify-Hmac-Sha256: <base64>` over the raw body (`shopify-hmac-sha256` for event deliveries). */
export const shopify: SignatureScheme = {
  id: "shopify",
  name: "Shopify",
  signs: "an HMAC-SHA256 (base64) of the raw body",
  detect: (request) => signatureHeader(request) !== undefined,
  parse(request) {
    const value = signatureHeader(request);
    if (!value) return { problem: "missing", reason: "No X-Shopify-Hmac-Sha256 header." };
    return { received: [value], source: "X-Shopify-Hmac-Sha256" };
  },
  check: bodyHmacCheck("sha256", "base64"),
};
