import { createHash } from "node:crypto";
import { bodyAsText, mediaType } from "../body/decode-body";
import { headerValue } from "../capture/header-pairs";
import type { HeaderPair } from "../requests/types";
import { readJsonPath } from "./json-path";

/** How a bin identifies deliveries of the same event. */
export interface DuplicateSettings {
  /** Fall back to a hash of method, sub-path and body when the sender gives no identity. */
  fingerprint: boolean;
  /** A header whose value is the key, checked before any provider's. */
  header?: string;
  /** A JSON path into the body whose value is the key, checked before any provider's. */
  jsonPath?: string;
}

export const DEFAULT_DUPLICATE_SETTINGS: DuplicateSettings = { fingerprint: true };

export type DuplicateKeySource =
  | "header"
  | "json-path"
  | "github-delivery"
  | "stripe-event"
  | "webhook-id"
  | "svix-id"
  | "shopify-webhook-id"
  | "slack-event-id"
  | "gitlab-event-uuid"
  | "idempotency-key"
  | "fingerprint";

export interface DuplicateKey {
  /** Namespaced by source, so a delivery id can never collide with a fingerprint. */
  key: string;
  source: DuplicateKeySource;
}

interface KeyInput {
  method: string;
  path: string;
  headers: readonly HeaderPair[];
  body: Buffer;
  contentType: string | null;
}

// Senders' own delivery ids, strongest first. Each names one delivery of one event, so a retry
// carries the same value.
const HEADER_SOURCES: [header: string, source: DuplicateKeySource][] = [
  ["x-github-delivery", "github-delivery"],
  ["webhook-id", "webhook-id"],
  ["svix-id", "svix-id"],
  ["x-shopify-webhook-id", "shopify-webhook-id"],
  ["x-gitlab-event-uuid", "gitlab-event-uuid"],
];

const MAX_KEY_VALUE = 512;

function keyFrom(source: DuplicateKeySource, value: unknown): DuplicateKey | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = String(value).trim();
  if (text === "" || text.length > MAX_KEY_VALUE) return null;
  return { key: `${source}:${text}`, source };
}

function parseJsonBody(input: KeyInput): unknown {
  const type = mediaType(input.contentType);
  if (input.body.length === 0 || !(type === "application/json" || type.endsWith("+json") || type === "")) {
    return undefined;
  }
  const text = bodyAsText(input.body);
  if (text === null) return undefined;
  try {
    // A leading byte-order mark is kept in the text (it is part of the bytes) but is not JSON.
    return JSON.parse(text.replace(/^\ufeff/, ""));
  } catch {
    return undefined;
  }
}

/**
 * The identity of the event a request delivers, from the strongest evidence available: a key the
 * user named, a provider's delivery or event id, a generic Idempotency-Key, and last a fingerprint.
 * Null when there is none and fingerprinting is off.
 */
export function duplicateKey(input: KeyInput, settings: DuplicateSettings): DuplicateKey | null {
  let json: unknown;
  let parsed = false;
  const body = () => {
    if (!parsed) {
      json = parseJsonBody(input);
      parsed = true;
    }
    return json;
  };

  if (settings.header) {
    const key = keyFrom("header", headerValue(input.headers, settings.header));
    if (key) return key;
  }
  if (settings.jsonPath) {
    const key = keyFrom("json-path", readJsonPath(body(), settings.jsonPath));
    if (key) return key;
  }
  for (const [header, source] of HEADER_SOURCES) {
    const key = keyFrom(source, headerValue(input.headers, header));
    if (key) return key;
  }
  const payload = body();
  if (payload && typeof payload === "object") {
    const { id, event_id: eventId } = payload as Record<string, unknown>;
    const stripe = typeof id === "string" && id.startsWith("evt_") ? keyFrom("stripe-event", id) : null;
    if (stripe) return stripe;
    const { type } = payload as Record<string, unknown>;
    const fromSlack =
      type === "event_callback" || headerValue(input.headers, "x-slack-signature") !== undefined;
    const slack = fromSlack ? keyFrom("slack-event-id", eventId) : null;
    if (slack) return slack;
  }
  const idempotency = keyFrom("idempotency-key", headerValue(input.headers, "idempotency-key"));
  if (idempotency) return idempotency;
  if (!settings.fingerprint) return null;
  const digest = createHash("sha256")
    .update(input.method)
    .update("\0")
    .update(input.path)
    .update("\0")
    .update(input.body)
    .digest("hex");
  return { key: `fingerprint:${digest}`, source: "fingerprint" };
}

const SOURCE_LABELS: Record<DuplicateKeySource, string> = {
  header: "the header this bin names",
  "json-path": "the JSON path this bin names",
  "github-delivery": "X-GitHub-Delivery",
  "stripe-event": "Stripe event id",
  "webhook-id": "webhook-id (Standard Webhooks)",
  "svix-id": "svix-id",
  "shopify-webhook-id": "X-Shopify-Webhook-Id",
  "slack-event-id": "Slack event_id",
  "gitlab-event-uuid": "X-Gitlab-Event-UUID",
  "idempotency-key": "Idempotency-Key",
  fingerprint: "fingerprint of method, path and body",
};

/** Where an event identity came from, in words. */
export function describeKeySource(source: string): string {
  return SOURCE_LABELS[source as DuplicateKeySource] ?? source;
}

/** The identity without its source prefix, as the sender wrote it. */
export function keyValue(key: string): string {
  return key.slice(key.indexOf(":") + 1);
}
