import type { NextRequest } from "next/server";
import { hashToken, newToken } from "@/core/auth/token";
import { toBinJson } from "@/core/bins/serialize";
import { applySettingsPatch, readBinSettings } from "@/core/bins/settings";
import { newBinId } from "@/core/ids";
import { getDatabase } from "@/db/client";
import { insertBin } from "@/db/queries/bins";
import { setBinCookie } from "@/lib/api/bin-cookie";
import { apiRoute, parseJsonBody } from "@/lib/api/errors";
import { publicOrigin } from "@/lib/api/origin";
import { createBinSchema } from "@/lib/api/schemas";

// POST /api/bins {name?, duplicates?}: a new bin. The token is returned once and set as this browser's cookie for the bin.
export const POST = apiRoute(async (request: NextRequest) => {
  const input = await parseJsonBody(request, createBinSchema);
  const { db } = await getDatabase();
  const token = newToken();
  const { name, ...patch } = input;
  const bin = await insertBin(db, {
    id: newBinId(),
    name: name || null,
    tokenHash: hashToken(token),
    settings: applySettingsPatch(readBinSettings({}), patch),
  });
  const response = Response.json(
    { ...toBinJson(bin, publicOrigin(request.headers)), token },
    { status: 201 },
  );
  setBinCookie(response, request, bin.id, token);
  return response;
});
