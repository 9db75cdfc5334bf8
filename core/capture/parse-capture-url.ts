import { isBinId } from "../ids";

export interface CaptureTarget {
  binId: string;
  /** Everything after `/h/<binId>`, exactly as sent (still percent-encoded); empty when nothing follows. */
  path: string;
  /** The raw query string without its `?`. */
  query: string;
}

export const CAPTURE_PREFIX = "/h/";

/**
 * Splits a request target such as `/h/<binId>/stripe/hook/?a=1` by hand rather than with `URL`,
 * which would normalise dot segments, encodings and slashes that the user wants to see as sent.
 */
export function parseCaptureUrl(target: string): CaptureTarget | null {
  if (!target.startsWith(CAPTURE_PREFIX)) return null;
  const queryStart = target.indexOf("?");
  const pathname = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = queryStart === -1 ? "" : target.slice(queryStart + 1);
  const rest = pathname.slice(CAPTURE_PREFIX.length);
  const slash = rest.indexOf("/");
  const binId = slash === -1 ? rest : rest.slice(0, slash);
  if (!isBinId(binId)) return null;
  return { binId, path: slash === -1 ? "" : rest.slice(slash), query };
}
