/**
 * Reads a Web request body up to `limit` bytes. Past it the rest is read and discarded, so the
 * sender still gets an answer, and the size counted (or the declared one) is reported.
 */
export async function readWebBody(
  request: Request,
  limit: number,
): Promise<{ bytes: Buffer; tooLarge?: { declaredSize: number; limit: number } }> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (request.body) {
    for await (const chunk of request.body) {
      received += chunk.length;
      if (received <= limit) chunks.push(chunk);
      else chunks.length = 0;
    }
  }
  if (received > limit || declared > limit) {
    return {
      bytes: Buffer.alloc(0),
      tooLarge: { declaredSize: Number.isNaN(declared) ? received : declared, limit },
    };
  }
  return { bytes: Buffer.concat(chunks) };
}
