export interface BinRow {
  id: string;
  name: string | null;
  createdAt: Date;
}

export interface BinJson {
  id: string;
  name: string | null;
  captureUrl: string;
  dashboardUrl: string;
  createdAt: string;
}

export function captureUrl(origin: string, binId: string): string {
  return `${origin}/h/${binId}`;
}

export function toBinJson(bin: BinRow, origin: string): BinJson {
  return {
    id: bin.id,
    name: bin.name,
    captureUrl: captureUrl(origin, bin.id),
    dashboardUrl: `${origin}/bins/${bin.id}`,
    createdAt: bin.createdAt.toISOString(),
  };
}
