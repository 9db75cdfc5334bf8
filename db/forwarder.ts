import type { ForwardRule } from "../core/bins/settings";
import { logError } from "../core/log-error";
import type { SendOptions } from "../core/replay/send-replay";
import type { DatabaseHandle } from "./client";
import { getRequest } from "./queries/requests";
import { replayStored } from "./replay";

/**
 * Sends every captured request of a bin with forwarding rules to their targets, after it is stored
 * and acknowledged (the sender never waits on a target). A try that gets no answer or a non-2xx is
 * tried again after each delay in turn; every try is recorded as a replay. Retries live in this
 * process: a restart drops the ones still waiting.
 */
export class Forwarder {
  constructor(
    private readonly database: DatabaseHandle,
    private readonly send: SendOptions,
    private readonly delaysMs: number[],
  ) {}

  captured(binId: string, requestId: number): void {
    void this.database.bins.get(binId).then((bin) => {
      for (const rule of bin?.settings.forwarding ?? []) this.schedule(binId, requestId, rule, 0);
    });
  }

  private schedule(binId: string, requestId: number, rule: ForwardRule, index: number): void {
    const delay = this.delaysMs[index];
    if (delay === undefined) return;
    setTimeout(() => {
      this.attempt(binId, requestId, rule, index).catch((error: unknown) =>
        logError("forwarding failed", error),
      );
    }, delay).unref();
  }

  private async attempt(binId: string, requestId: number, rule: ForwardRule, index: number): Promise<void> {
    const [bin, stored] = await Promise.all([
      this.database.bins.get(binId),
      getRequest(this.database.db, { binId, id: requestId }),
    ]);
    if (!bin || !stored) return;
    const replay = await replayStored(this.database.db, {
      bin: { id: binId, ...bin },
      stored,
      options: { url: rule.url, appendPath: rule.appendPath, resign: rule.resign },
      send: this.send,
      trigger: "forward",
      attempt: index + 1,
    }).catch((error: unknown) => {
      logError("forwarding failed", error);
      return null;
    });
    const delivered =
      replay?.status !== undefined && replay.status !== null && replay.status < 300 && replay.status >= 200;
    if (replay && !delivered) this.schedule(binId, requestId, rule, index + 1);
  }
}
