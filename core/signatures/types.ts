import type { HeaderPair } from "../requests/types";

export type Verdict = "valid" | "invalid" | "missing" | "expired" | "unchecked";

/** A captured request, as signature schemes see it. */
export interface SignedRequest {
  method: string;
  path: string;
  query: string;
  headers: readonly HeaderPair[];
  body: Buffer;
  receivedAt: Date;
  /** The full URL the sender called (Twilio, Square and HubSpot sign it). */
  url: string;
}

export interface Secret {
  label: "current" | "previous";
  value: string;
}

/** What a scheme reads off a request before any secret is involved. */
export interface ParsedSignature {
  /** The signatures the sender sent (several during a provider's key rotation). */
  received: string[];
  /** The signed timestamp, in seconds, for schemes that sign one. */
  timestamp?: number;
  /** The header(s) the signature came from, for the reason shown to the user. */
  source: string;
  /** Anything else a scheme needs later (a message id, a nonce). */
  extra?: Record<string, string>;
}

export type ParseResult = ParsedSignature | { problem: "missing" | "invalid"; reason: string };

export interface MatchResult {
  matches: boolean;
  /** What was signed, for display (the body is abbreviated later). */
  signedContent: string;
  /** The signature this secret produces, when the scheme computes one (HMAC schemes). */
  expected?: string;
}

export interface SignatureScheme {
  id: string;
  name: string;
  /** Whether the request carries this scheme's signature header(s): used by automatic detection. */
  detect(request: SignedRequest): boolean;
  parse(request: SignedRequest): ParseResult;
  /** Checks the request against one secret (or public key), comparing in constant time. */
  check(request: SignedRequest, parsed: ParsedSignature, secret: string): MatchResult;
  /** Seconds a signed timestamp may be away from the receive time; absent when none is signed. */
  toleranceSeconds?: number;
  /** How the signed content is built, in words: "the raw body", "<t>.<body>". */
  signs: string;
  /** Public-key schemes: the bin holds the provider's public key, not a shared secret. */
  keyKind?: "secret" | "public key";
  /** Says what is wrong with a configured key or secret's format, or null when it looks right. */
  keyProblem?(value: string): string | null;
}

export interface SignatureDetails {
  source?: string;
  signedContent?: string;
  expected?: string;
  received?: string[];
  matchedSecret?: Secret["label"];
  timestamp?: number;
}

export interface SignatureVerdict {
  verdict: Verdict;
  /** The scheme used, or null when none applied. */
  scheme: string | null;
  /** For a human: what was checked and the likeliest cause when it failed. */
  reason: string;
  details?: SignatureDetails;
}
