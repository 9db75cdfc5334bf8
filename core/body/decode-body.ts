const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The body as text, or null when its bytes are not valid UTF-8 (then only base64 or hex is honest). */
export function bodyAsText(body: Uint8Array): string | null {
  try {
    return strictUtf8.decode(body);
  } catch {
    return null;
  }
}

export type BodyView =
  | { kind: "empty" }
  | { kind: "json"; value: unknown }
  | { kind: "form"; fields: [string, string][] }
  | { kind: "text"; text: string; language: "xml" | "html" | "plain" }
  | { kind: "multipart" }
  | { kind: "binary" };

/** The media type without parameters, lower-cased: `Application/JSON; charset=x` → `application/json`. */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

export const isMultipart = (contentType: string | null) => mediaType(contentType) === "multipart/form-data";

function looksLikeJson(type: string, text: string): boolean {
  if (type === "application/json" || type.endsWith("+json")) return true;
  if (type !== "" && type !== "text/plain") return false;
  const first = text.trimStart()[0];
  return first === "{" || first === "[";
}

/**
 * Chooses how the dashboard shows a body, from its content type and its bytes. Anything that claims
 * to be JSON but does not parse, and anything not UTF-8, falls back to text or binary: never an error.
 */
export function viewBody(contentType: string | null, text: string | null, size: number): BodyView {
  if (size === 0) return { kind: "empty" };
  // Its parts are read apart (core/body/multipart), files and all: binary parts do not make it binary.
  if (isMultipart(contentType)) return { kind: "multipart" };
  if (text === null) return { kind: "binary" };
  const type = mediaType(contentType);
  if (looksLikeJson(type, text)) {
    try {
      return { kind: "json", value: JSON.parse(text.replace(/^\ufeff/, "")) };
    } catch {
      return { kind: "text", text, language: "plain" };
    }
  }
  if (type === "application/x-www-form-urlencoded") {
    return { kind: "form", fields: [...new URLSearchParams(text)] };
  }
  if (type.endsWith("/xml") || type.endsWith("+xml")) return { kind: "text", text, language: "xml" };
  if (type === "text/html") return { kind: "text", text, language: "html" };
  return { kind: "text", text, language: "plain" };
}
