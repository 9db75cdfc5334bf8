import { anyEqual, hmac } from "../crypto";
import { header } from "../request-parts";
import type { SignatureScheme } from "../types";

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/** Unix seconds of an RFC 3339 timestamp; Twitch sends nanoseconds, which Date cannot hold, so keep milliseconds. */
export function parseRfc3339Seconds(value: string): number | undefined {
  const parts = value.match(RFC3339);
  if (!parts) return undefined;
  const [, date, time, fraction = "", zone = "Z"] = parts;
  const millis = Date.parse(`${date}T${time}.${fraction.padEnd(3, "0").slice(0, 3)}${zone.toUpperCase()}`);
  return Number.isNaN(millis) ? undefined : millis / 1000;
}

/**
 * Twitch EventSub: `Twitch-Eventsub-Message-Signature: sha256=<hex>`, an HMAC-SHA256 of message id ‖
 * timestamp ‖ body, both header strings exactly as sent. Twitch's docs reject messages older than 10 minutes.
 */
export const twitch: SignatureScheme = {
  id: "twitch",
  name: "Twitch EventSub",
  signs: 'an HMAC-SHA256 of "<message id><timestamp><body>"',
  toleranceSeconds: 600,
  detect: (request) => header(request, "twitch-eventsub-message-signature") !== undefined,
  parse(request) {
    const value = header(request, "twitch-eventsub-message-signature");
    if (!value) return { problem: "missing", reason: "No Twitch-Eventsub-Message-Signature header." };
    const messageId = header(request, "twitch-eventsub-message-id");
    const rawTimestamp = header(request, "twitch-eventsub-message-timestamp");
    if (!messageId || !rawTimestamp) {
      return {
        problem: "missing",
        reason:
          "Twitch-Eventsub-Message-Signature needs Twitch-Eventsub-Message-Id and Twitch-Eventsub-Message-Timestamp beside it.",
      };
    }
    const timestamp = parseRfc3339Seconds(rawTimestamp);
    if (timestamp === undefined) {
      return {
        problem: "invalid",
        reason: `Twitch-Eventsub-Message-Timestamp "${rawTimestamp}" is not an RFC 3339 timestamp.`,
      };
    }
    const hex = value.match(/^sha256=([0-9a-fA-F]+)$/)?.[1];
    if (!hex) {
      return {
        problem: "invalid",
        reason: 'Twitch-Eventsub-Message-Signature is not of the form "sha256=<hex>".',
      };
    }
    return {
      received: [hex.toLowerCase()],
      timestamp,
      source: "Twitch-Eventsub-Message-Signature",
      extra: { messageId, rawTimestamp },
    };
  },
  check(request, parsed, secret) {
    const prefix = `${parsed.extra?.messageId ?? ""}${parsed.extra?.rawTimestamp ?? ""}`;
    const expected = hmac("sha256", secret, [prefix, request.body], "hex");
    return {
      matches: anyEqual(expected, parsed.received),
      expected,
      signedContent: prefix + request.body.toString("utf8"),
    };
  },
};
