import { bodyAsText } from "../body/decode-body";
import type { ParsedSignature, Secret, SignatureScheme, SignedRequest } from "./types";

function reserializations(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  return [JSON.stringify(value), JSON.stringify(value, null, 2), JSON.stringify(value, null, 4)].filter(
    (candidate) => candidate !== text,
  );
}

function secretVariants(secret: string): { value: string; hint: string }[] {
  const variants: { value: string; hint: string }[] = [];
  const trimmed = secret.trim();
  if (trimmed !== secret)
    variants.push({ value: trimmed, hint: "the secret without its surrounding whitespace" });
  for (const prefix of ["whsec_", "sha256=", "v0="]) {
    if (secret.startsWith(prefix)) {
      variants.push({
        value: secret.slice(prefix.length),
        hint: `the secret without its "${prefix}" prefix`,
      });
    }
  }
  return variants;
}

/**
 * When nothing matched, tries the usual culprits and says which one explains the signature: a body
 * re-formatted on its way (a proxy or framework parsing and re-serialising JSON), or a secret
 * pasted with a prefix or whitespace. Returns null when none does.
 */
export function diagnoseMismatch(
  scheme: SignatureScheme,
  request: SignedRequest,
  parsed: ParsedSignature,
  secrets: readonly Secret[],
): string | null {
  const text = bodyAsText(request.body);
  for (const secret of secrets) {
    for (const variant of text ? reserializations(text) : []) {
      const altered = { ...request, body: Buffer.from(variant, "utf8") };
      if (scheme.check(altered, parsed, secret.value).matches) {
        return "The signature matches this JSON re-serialized differently (other spacing or formatting): something between the sender and Hookscope re-formatted the body, or the sender signed a different serialization than it sent.";
      }
    }
    for (const variant of secretVariants(secret.value)) {
      if (scheme.check(request, parsed, variant.value).matches) {
        return `The signature matches with ${variant.hint}: the ${secret.label} secret is not in the form this scheme uses.`;
      }
    }
  }
  return null;
}
