import { type Config, loadConfig } from "@/core/config";

let cached: Config | undefined;

/** The validated environment, read once per process. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
