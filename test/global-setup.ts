import { recreateDatabase } from "./postgres";

export const UNIT_DATABASE = "hookscope_unit";

export default async function setup(): Promise<void> {
  await recreateDatabase(UNIT_DATABASE);
}
