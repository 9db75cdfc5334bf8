import type { z } from "zod";
import { logError } from "@/core/log-error";

/** The one error type route handlers throw; it becomes `{"error":{"code","message"}}` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const unauthorized = () =>
  new ApiError(401, "unauthorized", "This bin's token is required: send Authorization: Bearer <token>.");

// Another bin's token and a bin that does not exist answer the same, so ids cannot be probed.
export const binNotFound = () => new ApiError(404, "not_found", "No such bin, or the token is not for it.");

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status });
  }
  logError("API error", error);
  return Response.json(
    { error: { code: "internal", message: "Something went wrong on the server. Please retry." } },
    { status: 500 },
  );
}

/** Wraps a route handler so every thrown error leaves as a JSON error response. */
export function apiRoute<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export function parseWith<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ApiError(400, "invalid_request", `Invalid ${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Parses a JSON request body; an empty body counts as `{}` so optional-only payloads may be omitted. */
export async function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<z.output<Schema>> {
  const text = await request.text();
  let value: unknown = {};
  if (text.trim() !== "") {
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
    }
  }
  const nul = pathToNul(value);
  if (nul !== null)
    throw new ApiError(
      400,
      "invalid_request",
      `Invalid request body: ${nul ? `${nul}: ` : ""}text may not contain NUL (U+0000); send binary data as base64.`,
    );
  return parseWith(schema, value, "request body");
}

// Postgres text and jsonb cannot hold U+0000: left in, it would fail the insert with a 500.
function pathToNul(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes("\0") ? path : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes("\0")) return at;
    const found = pathToNul(item, at);
    if (found !== null) return found;
  }
  return null;
}
