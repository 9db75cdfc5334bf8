import { toHar } from "@/core/export/har";
import { toJsonExport } from "@/core/export/json-export";
import type { RequestFilter } from "@/core/requests/filter";
import { toRequestDetail } from "@/core/requests/serialize";
import type { RequestDetail } from "@/core/requests/types";
import { listRequestDetails, type SearchableDatabase } from "@/db/queries/requests";
import type { Bin } from "@/db/schema";
import packageJson from "@/package.json";

const PAGE = 200;

/** Up to `limit` of a bin's requests that pass the filter, newest first, read a page at a time. */
async function collect(database: SearchableDatabase, binId: string, filter: RequestFilter, limit: number) {
  const requests: RequestDetail[] = [];
  for (let before: number | undefined; requests.length < limit; ) {
    const rows = await listRequestDetails(database, {
      binId,
      filter,
      before,
      limit: Math.min(PAGE, limit - requests.length),
    });
    requests.push(...rows.map(toRequestDetail));
    if (rows.length < PAGE) break;
    before = rows.at(-1)?.id;
  }
  return requests;
}

/** A filtered set of a bin's requests as a HAR 1.2 or Hookscope JSON download. */
export async function exportResponse(options: {
  database: SearchableDatabase;
  bin: Bin;
  filter: RequestFilter;
  format: "har" | "json";
  limit: number;
  origin: string;
}): Promise<Response> {
  const { bin, format, origin } = options;
  const requests = await collect(options.database, bin.id, options.filter, options.limit);
  const document =
    format === "har"
      ? toHar(requests, { origin, creator: { name: "Hookscope", version: packageJson.version } })
      : toJsonExport(requests, { bin: { id: bin.id, name: bin.name } });
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="hookscope-${bin.id}-${stamp}.${format}"`,
      "x-hookscope-exported": String(requests.length),
    },
  });
}
