import { bodyAsText } from "./decode-body";

export interface MultipartPart {
  name: string;
  /** Set for a file part. */
  filename: string | null;
  contentType: string | null;
  size: number;
  /** The part's bytes as text, or null when they are not UTF-8. */
  text: string | null;
}

/**
 * The parts of a multipart/form-data body, parsed by the platform's own Fetch implementation (the
 * browser's, or Node's), so the dashboard reads them as a server would. Null when the body does not
 * parse as the multipart its content type claims (a wrong boundary, truncated bytes).
 */
export async function multipartParts(body: Uint8Array, contentType: string): Promise<MultipartPart[] | null> {
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
  const parts: MultipartPart[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") {
      parts.push({
        name,
        filename: null,
        contentType: null,
        size: new TextEncoder().encode(value).length,
        text: value,
      });
      continue;
    }
    const bytes = new Uint8Array(await value.arrayBuffer());
    parts.push({
      name,
      filename: value.name,
      contentType: value.type || null,
      size: bytes.length,
      text: bodyAsText(bytes),
    });
  }
  return parts;
}
