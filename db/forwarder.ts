import type { ForwardRule } from "../core/bins/settings";
import { logError } from "../core/log-error";
import type { SendOptions } from "../core/replay/send-replay";
import type { DatabaseHandle } from "./client";
import {
  claimDueForwardTries,
  type ForwardTry,
  finishForwardTry,
  scheduleForwardTry,
} from "./queries/forward-tries";
import { getRequest } from "./queries/requests";
import { replayStored } from "./replay";

/** Long enough for any try (the replay timeout is far shorter); a dead instance's claim runs out. */
const CLAIM_MS = 120_000;
/** How often an instance looks for tries it did not schedule itself (another's, or before a restart). */
const SWEEP_MS = 1_000;
/** Tries claimed, and made side by side, at a time. */
const CLAIM_BATCH = 20;

/**
 * Sends every captured request of a bin with forwarding rules to their targets, after it is stored
 * and acknowledged (the sender never waits on a target). A try that gets no answer or a non-2xx is
 * tried again after each delay in turn; every try is recorded as a replay. Tries are kept in the
 * database until made, so a restart or a lost instance delays them but does not drop them: they are
 * delivered at least once.
 */
export class Forwarder {
  private sweeping = false;
  private sweepAgain = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly send: SendOptions,
    private readonly delaysMs: number[],
  ) {
    this.timer = setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
    this.sweep();
  }

  captured(binId: string, requestId: number): void {
    void this.database.bins.get(binId).then(async (bin) => {
      for (const rule of bin?.settings.forwarding ?? []) await this.schedule(binId, requestId, rule, 0);
    });
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async schedule(
    binId: string,
    requestId: number,
    rule: ForwardRule,
    attempt: number,
  ): Promise<void> {
    const delay = this.delaysMs[attempt];
    if (delay === undefined) return;
    try {
      await scheduleForwardTry(this.database.db, {
        binId,
        requestId,
        rule,
        attempt,
        dueAt: new Date(Date.now() + delay),
      });
    } catch (error) {
      logError("forwarding failed", error);
      return;
    }
    // The try is due then: look for it at that moment rather than at the next sweep.
    setTimeout(() => this.sweep(), delay).unref();
  }

  /** Makes every due try (this instance's, or one another instance left), never two sweeps at once. */
  private sweep(): void {
    if (this.sweeping) {
      this.sweepAgain = true;
      return;
    }
    this.sweeping = true;
    this.makeDueTries()
      .catch((error: unknown) => logError("forwarding failed", error))
      .finally(() => {
        this.sweeping = false;
        if (this.sweepAgain) {
          this.sweepAgain = false;
          this.sweep();
        }
      });
  }

  private async makeDueTries(): Promise<void> {
    for (;;) {
      const due = await claimDueForwardTries(this.database, { limit: CLAIM_BATCH, claimMs: CLAIM_MS });
      await Promise.all(due.map((entry) => this.attempt(entry)));
      if (due.length < CLAIM_BATCH) return;
    }
  }

  private async attempt(entry: ForwardTry): Promise<void> {
    const { binId, requestId, rule, attempt } = entry;
    const [bin, stored] = await Promise.all([
      this.database.bins.get(binId),
      getRequest(this.database.db, { binId, id: requestId }),
    ]);
    const replay =
      bin && stored
        ? await replayStored(this.database.db, {
            bin: { id: binId, ...bin },
            stored,
            options: { url: rule.url, appendPath: rule.appendPath, resign: rule.resign },
            send: this.send,
            trigger: "forward",
            attempt: attempt + 1,
          }).catch((error: unknown) => {
            logError("forwarding failed", error);
            return null;
          })
        : null;
    const status = replay?.status ?? null;
    const delivered = status !== null && status >= 200 && status < 300;
    if (replay && !delivered) await this.schedule(binId, requestId, rule, attempt + 1);
    await finishForwardTry(this.database.db, entry.id);
  }
}

const SHARED = Symbol.for("hookscope.forwarder");
type GlobalWithForwarder = typeof globalThis & { [SHARED]?: Forwarder };

/**
 * The process's forwarder. The custom server and Next's bundled capture route are two copies of this
 * module in one process; sharing one forwarder keeps them to one sweep of the tries.
 */
export function processForwarder(database: DatabaseHandle, send: SendOptions, delaysMs: number[]): Forwarder {
  const store = globalThis as GlobalWithForwarder;
  store[SHARED] ??= new Forwarder(database, send, delaysMs);
  return store[SHARED];
}
