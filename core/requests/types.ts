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
}

/** A request with everything that was sent. */
export interface RequestDetail extends RequestSummary {
  headers: HeaderPair[];
  bodyBase64: string;
  /** The body as text, or null when it is not valid UTF-8. */
  bodyText: string | null;
}
