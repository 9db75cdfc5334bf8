import type { NextRequest } from "next/server";
import { accessCodeMatches } from "@/core/auth/token";
import { config } from "@/lib/config";
import { ApiError } from "./errors";

/** Whether this instance asks for an access code before creating a bin. */
export const createIsGated = () => config().HOOKSCOPE_CREATE_TOKEN !== undefined;

/** With HOOKSCOPE_CREATE_TOKEN set, a new bin needs `Authorization: Bearer <that code>`. */
export function assertMayCreate(request: NextRequest): void {
  const code = config().HOOKSCOPE_CREATE_TOKEN;
  if (code === undefined) return;
  const presented = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!accessCodeMatches(presented, code)) {
    throw new ApiError(
      401,
      "access_code_required",
      "This instance asks for an access code to create bins: send Authorization: Bearer <code>.",
    );
  }
}
