import { abbreviate, bytes, duration } from "./describe";
import { diagnoseMismatch } from "./diagnose";
import { detectScheme, SCHEMES, schemeById } from "./schemes";
import type { Secret, SignatureScheme, SignatureVerdict, SignedRequest } from "./types";

export interface VerifyOptions {
  /** `auto` picks the scheme from the headers; otherwise a scheme id (or a custom scheme object). */
  scheme: "auto" | string | SignatureScheme;
  secrets: readonly Secret[];
}

function resolveScheme(request: SignedRequest, choice: VerifyOptions["scheme"]): SignatureScheme | null {
  if (typeof choice !== "string") return choice;
  return choice === "auto" ? detectScheme(request) : schemeById(choice);
}

const secretNames = (secrets: readonly Secret[], kind: string) =>
  secrets.length > 1
    ? `the ${secrets[0]?.label} ${kind} or the ${secrets[1]?.label} one`
    : `the ${secrets[0]?.label} ${kind}`;

function keyFormatProblem(scheme: SignatureScheme, secrets: readonly Secret[]): string | null {
  for (const secret of secrets) {
    const problem = scheme.keyProblem?.(secret.value);
    if (problem) return `The ${secret.label} ${scheme.keyKind ?? "secret"} is not usable: ${problem}`;
  }
  return null;
}

/**
 * The verdict for one request. The signature is checked before the timestamp, so a right signature
 * with an old timestamp reads `expired`, not `invalid`; the window is measured from the request's
 * receive time, so checking history again later gives the same answer.
 */
export function verifySignature(request: SignedRequest, options: VerifyOptions): SignatureVerdict {
  const scheme = resolveScheme(request, options.scheme);
  const { secrets } = options;
  if (secrets.length === 0) {
    return {
      verdict: "unchecked",
      scheme: scheme?.id ?? null,
      reason: scheme
        ? `${scheme.name} signature present; set this bin's secret to check it.`
        : "No secret is set for this bin, so signatures are not checked.",
    };
  }
  if (!scheme) {
    return {
      verdict: "missing",
      scheme: null,
      reason: `A secret is set, but the request carries no signature header of a known provider (${SCHEMES.length} schemes looked for). Pin the bin's scheme if the sender uses a custom header.`,
    };
  }
  const parsed = scheme.parse(request);
  if ("problem" in parsed) return { verdict: parsed.problem, scheme: scheme.id, reason: parsed.reason };

  let matched: Secret | undefined;
  let first: ReturnType<SignatureScheme["check"]> | undefined;
  for (const secret of secrets) {
    const result = scheme.check(request, parsed, secret.value);
    first ??= result;
    if (result.matches && !matched) matched = secret;
  }
  const details = {
    source: parsed.source,
    signedContent: abbreviate(first?.signedContent ?? ""),
    expected: first?.expected,
    received: parsed.received,
    matchedSecret: matched?.label,
    timestamp: parsed.timestamp,
  };
  const over = `${scheme.signs} (${bytes(request.body.length)} of body)`;
  const kind = scheme.keyKind ?? "secret";

  if (!matched) {
    const cause =
      keyFormatProblem(scheme, secrets) ??
      diagnoseMismatch(scheme, request, parsed, secrets) ??
      (kind === "public key"
        ? "Likeliest causes: the public key of another application, or a body changed on the way."
        : "Likeliest causes: a different secret on the sender's side, or a body changed on the way.");
    const verb = kind === "public key" ? "verified with" : "signed with";
    return {
      verdict: "invalid",
      scheme: scheme.id,
      reason: `${parsed.source} does not match ${over} ${verb} ${secretNames(secrets, kind)}. ${cause}`,
      details,
    };
  }

  const which = secrets.length > 1 ? ` (the ${matched.label} ${kind})` : "";
  if (parsed.timestamp !== undefined && scheme.toleranceSeconds !== undefined) {
    const skew = request.receivedAt.getTime() / 1000 - parsed.timestamp;
    if (Math.abs(skew) > scheme.toleranceSeconds) {
      const when = skew > 0 ? `${duration(skew)} before` : `${duration(skew)} after`;
      return {
        verdict: "expired",
        scheme: scheme.id,
        reason: `${parsed.source} matches${which}, but the signed timestamp is ${when} the request was received, outside the ${duration(scheme.toleranceSeconds)} tolerance: a replay, a retry of an old event, or a sender whose clock is off.`,
        details,
      };
    }
  }
  return {
    verdict: "valid",
    scheme: scheme.id,
    reason: `${parsed.source} matches ${over} ${kind === "public key" ? "verified with" : "signed with"} the ${matched.label} ${kind}.`,
    details,
  };
}
