import type { Config } from "../config";
import type { SendOptions } from "./send-replay";

/** How this instance sends replays and forwards: its timeout, and whether private targets are refused. */
export function sendOptionsFrom(config: Config): SendOptions {
  return {
    timeoutMs: config.REPLAY_TIMEOUT_MS,
    // Unset: a local instance may call localhost; one reachable at a PUBLIC_URL may not.
    blockPrivate: config.REPLAY_BLOCK_PRIVATE
      ? config.REPLAY_BLOCK_PRIVATE === "true"
      : Boolean(config.PUBLIC_URL),
  };
}
