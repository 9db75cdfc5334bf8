import { type BinSettings, readBinSettings } from "./settings";

export interface BinRow {
  id: string;
  name: string | null;
  settings: unknown;
  createdAt: Date;
}

export interface BinJson {
  id: string;
  name: string | null;
  captureUrl: string;
  dashboardUrl: string;
  settings: BinSettings;
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
    settings: readBinSettings(bin.settings),
    createdAt: bin.createdAt.toISOString(),
  };
}
