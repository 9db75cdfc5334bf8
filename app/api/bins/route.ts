import type { NextRequest } from "next/server";
import { hashToken, newToken } from "@/core/auth/token";
import { aliasesAllowed, newBinId } from "@/core/ids";
import { getDatabase } from "@/db/client";
import { insertBin, insertBinIfFree } from "@/db/queries/bins";
import { setBinCookie } from "@/lib/api/bin-cookie";
import { binJson, binPatchOrThrow } from "@/lib/api/bin-json";
import { assertMayCreate } from "@/lib/api/create-gate";
import { ApiError, apiRoute, parseJsonBody } from "@/lib/api/errors";
import { createBinSchema } from "@/lib/api/schemas";
import { config } from "@/lib/config";

// POST /api/bins {name?, …settings}: a new bin (with HOOKSCOPE_CREATE_TOKEN set, only for its holders). The token is returned once and set as this browser's cookie.
export const POST = apiRoute(async (request: NextRequest) => {
  assertMayCreate(request);
  const { name, alias, ...patch } = await parseJsonBody(request, createBinSchema);
  if (alias !== undefined && !aliasesAllowed(config())) {
    throw new ApiError(
      403,
      "aliases_disabled",
      "This instance does not give bins chosen names (ALLOW_BIN_ALIASES).",
    );
  }
  const database = await getDatabase();
  const { settings, secretsSealed } = binPatchOrThrow(
    { settings: {}, secretsSealed: null },
    patch,
    database.secretKey,
  );
  const token = newToken();
  const row = { name: name || null, tokenHash: hashToken(token), settings, secretsSealed };
  const bin = alias
    ? await insertBinIfFree(database.db, { ...row, id: alias })
    : await insertBin(database.db, { ...row, id: newBinId() });
  if (!bin) throw new ApiError(409, "alias_taken", `The alias "${alias}" is taken: choose another.`);
  // Capture may have remembered the name as unknown (a sender that was early): forget that everywhere.
  if (alias) database.binChanged(bin.id);
  const response = Response.json({ ...binJson(bin, request, database), token }, { status: 201 });
  setBinCookie(response, request, bin.id, token);
  return response;
});
