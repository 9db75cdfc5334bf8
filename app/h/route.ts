// `/h/` with no bin id: answered like any unknown bin, as JSON, by the capture route.
export { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } from "./[binId]/[[...path]]/route";

export const dynamic = "force-dynamic";
