import type { NextRequest } from "next/server";
import { hashToken, newToken } from "@/core/auth/token";
import { newBinId } from "@/core/ids";
import { getDatabase } from "@/db/client";
import { insertBin } from "@/db/queries/bins";
import { setBinCookie } from "@/lib/api/bin-cookie";
import { binJson, binPatchOrThrow } from "@/lib/api/bin-json";
import { assertMayCreate } from "@/lib/api/create-gate";
import { apiRoute, parseJsonBody } from "@/lib/api/errors";
import { createBinSchema } from "@/lib/api/schemas";

// POST /api/bins {name?, …settings}: a new bin (with HOOKSCOPE_CREATE_TOKEN set, only for its holders). The token is returned once and set as this browser's cookie.
export const POST = apiRoute(async (request: NextRequest) => {
  assertMayCreate(request);
  const { name, ...patch } = await parseJsonBody(request, createBinSchema);
  const database = await getDatabase();
  const { settings, secretsSealed } = binPatchOrThrow(
    { settings: {}, secretsSealed: null },
    patch,
    database.secretKey,
  );
  const token = newToken();
  const bin = await insertBin(database.db, {
    id: newBinId(),
    name: name || null,
    tokenHash: hashToken(token),
    settings,
    secretsSealed,
  });
  const response = Response.json({ ...binJson(bin, request, database), token }, { status: 201 });
  setBinCookie(response, request, bin.id, token);
  return response;
});
