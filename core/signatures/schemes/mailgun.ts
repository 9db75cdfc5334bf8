import { mediaType } from "../../body/decode-body";
import { anyEqual, hmac } from "../crypto";
import { header } from "../request-parts";
import type { SignatureScheme, SignedRequest } from "../types";

type FieldName = "timestamp" | "token" | "signature";
type Fields = Partial<Record<FieldName, string>>;
const FIELD_NAMES: readonly FieldName[] = ["timestamp", "token", "signature"];

interface Found {
  fields: Fields;
  source: string;
}

function fromJson(text: string): Found | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null || !("signature" in body)) return null;
  const block = body.signature;
  if (typeof block !== "object" || block === null) return null;
  const fields: Fields = {};
  for (const name of FIELD_NAMES) {
    const value: unknown = (block as Record<string, unknown>)[name];
    if (typeof value === "string" || typeof value === "number") fields[name] = String(value);
  }
  return { fields, source: 'the body\'s "signature" object' };
}

function fromForm(text: string, type: string): Found {
  const fields: Fields = {};
  for (const name of FIELD_NAMES) {
    const value =
      type === "multipart/form-data"
        ? text.match(new RegExp(`name="${name}"\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n([^\\r\\n]*)`))?.[1]
        : new URLSearchParams(text).get(name);
    if (value) fields[name] = value;
  }
  return { fields, source: "the body's form fields" };
}

/** Mailgun puts its signature in the body: a JSON `signature` object, or form fields (legacy webhooks, Routes). */
function signatureFields(request: SignedRequest): Found | null {
  if (!request.body.includes("signature")) return null;
  const text = request.body.toString("utf8");
  const type = mediaType(header(request, "content-type"));
  if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data")
    return fromForm(text, type);
  return fromJson(text);
}

/**
 * Mailgun: an HMAC-SHA256 (hex) of `<timestamp><token>` keyed with the HTTP webhook signing key. The event
 * data is not signed, so a valid signature authenticates the sender, not the payload.
 */
export const mailgun: SignatureScheme = {
  id: "mailgun",
  name: "Mailgun",
  signs: 'an HMAC-SHA256 of "<timestamp><token>" (the event data is not signed)',
  // Mailgun says to reject old timestamps without giving a number; 5 minutes per the spec.
  toleranceSeconds: 300,
  detect(request) {
    const fields = signatureFields(request)?.fields;
    return fields !== undefined && FIELD_NAMES.every((name) => fields[name] !== undefined);
  },
  parse(request) {
    const found = signatureFields(request);
    if (!found?.fields.signature) {
      return {
        problem: "missing",
        reason:
          'No Mailgun signature in the body: expected a JSON "signature" object with timestamp, token and signature, or form fields of those names.',
      };
    }
    const { timestamp: rawTimestamp, token, signature } = found.fields;
    if (!rawTimestamp || !token) {
      const absent = rawTimestamp ? "token" : "timestamp";
      return {
        problem: "missing",
        reason: `Mailgun's signature has no ${absent} beside it in ${found.source}.`,
      };
    }
    if (!/^\d{1,12}$/.test(rawTimestamp))
      return { problem: "invalid", reason: `Mailgun's timestamp "${rawTimestamp}" is not unix seconds.` };
    if (!/^[0-9a-fA-F]+$/.test(signature))
      return { problem: "invalid", reason: `Mailgun's signature in ${found.source} is not hex.` };
    return {
      received: [signature.toLowerCase()],
      timestamp: Number(rawTimestamp),
      source: `The signature in ${found.source}`,
      extra: { rawTimestamp, token },
    };
  },
  check(_request, parsed, secret) {
    const signedContent = `${parsed.extra?.rawTimestamp ?? ""}${parsed.extra?.token ?? ""}`;
    const expected = hmac("sha256", secret, signedContent, "hex");
    return { matches: anyEqual(expected, parsed.received), expected, signedContent };
  },
};
