import { headerValue } from "../capture/header-pairs";
import type { SignedRequest } from "./types";

export function header(request: SignedRequest, name: string): string | undefined {
  const value = headerValue(request.headers, name)?.trim();
  return value ? value : undefined;
}

export function hasHeader(request: SignedRequest, name: string): boolean {
  return header(request, name) !== undefined;
}

/** The body as the latin1 string of its bytes: lossless, for schemes that concatenate strings. */
export function bodyBinary(request: SignedRequest): string {
  return request.body.toString("latin1");
}

export function parseUnixSeconds(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,12}$/.test(value)) return undefined;
  return Number(value);
}
