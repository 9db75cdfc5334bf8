import type { SignatureVerdict } from "../signatures/types";

/** A header exactly as the sender wrote it: original name casing, in order, repeats kept. */
export type HeaderPair = [name: string, value: string];

/** The columns of a stored request that a list shows; what the database layer returns. */
export interface StoredRequestSummary {
  id: number;
  binId: string;
  method: string;
  path: string;
  query: string;
  contentType: string | null;
  bodySize: number;
  bodyTooLarge: boolean;
  remoteAddr: string | null;
  responseStatus: number;
  receivedAt: Date;
  dedupKey: string | null;
  dedupSource: string | null;
  occurrence: number | null;
  duplicateOf: number | null;
  /** The bin's request stored just before this one (see the schema); null when not known. */
  previousId: number | null;
  /** How many deliveries of this key the bin has seen so far. */
  deliveries: number | null;
  signature: SignatureVerdict | null;
}

export interface StoredRequest extends StoredRequestSummary {
  headers: HeaderPair[];
  body: Buffer;
}

/** A request as the API and the event stream present it in lists. */
export interface RequestSummary {
  id: string;
  binId: string;
  method: string;
  path: string;
  query: string;
  contentType: string | null;
  bodySize: number;
  bodyTooLarge: boolean;
  remoteAddr: string | null;
  responseStatus: number;
  receivedAt: string;
  /** Null when the request carries no event identity (and fingerprinting is off). */
  duplicate: DuplicateInfo | null;
  /** The signature verdict; null for requests stored before verification existed. */
  signature: SignatureSummary | null;
  /**
   * The bin's request stored just before this one, whichever instance stored it; null when not known.
   * A stream client can tell from it that it missed nothing in between.
   */
  previousId: string | null;
}

export type SignatureSummary = Omit<SignatureVerdict, "details">;

export interface DuplicateInfo {
  isDuplicate: boolean;
  key: string;
  keySource: string;
  /** The first delivery of this key (this request itself when it is the first). */
  firstId: string;
  /** 1 for the first delivery, 2 for the first retry, … */
  occurrence: number;
  /** Deliveries of this key seen so far, this one included. */
  deliveries: number;
}

/** A body with its Content-Encoding undone, or why that could not be done. */
export type DecodedBodyView =
  | { encoding: string; bodyBase64: string; bodyText: string | null; size: number }
  | { encoding: string; error: string };

/** A request with everything that was sent. */
export interface RequestDetail extends RequestSummary {
  headers: HeaderPair[];
  bodyBase64: string;
  /** The body as text, or null when it is not valid UTF-8. */
  bodyText: string | null;
  /** The body with its Content-Encoding (gzip, br, deflate) undone; null when none was applied. */
  decoded: DecodedBodyView | null;
  /** With what was compared: the signed content (abbreviated), expected and received signatures. */
  signature: SignatureVerdict | null;
}
