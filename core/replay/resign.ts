import { headerValue } from "../capture/header-pairs";
import type { HeaderPair } from "../requests/types";
import { type HmacAlgorithm, hmac } from "../signatures/crypto";
import type { CustomSchemeConfig } from "../signatures/schemes/custom";
import { standardWebhooksKey } from "../signatures/schemes/standard-webhooks";

type Signer = (
  headers: HeaderPair[],
  body: Buffer,
  secret: string,
  now: number,
) => [name: string, value: string][];

const bodyOnly =
  (name: string, algorithm: HmacAlgorithm, encoding: "hex" | "base64", prefix: string): Signer =>
  (_headers, body, secret) => [[name, `${prefix}${hmac(algorithm, secret, body, encoding)}`]];

const standardWebhooks =
  (prefix: "webhook" | "svix"): Signer =>
  (headers, body, secret, now) => {
    const id = headerValue(headers, `${prefix}-id`) ?? `msg_replay_${now}`;
    const signature = hmac("sha256", standardWebhooksKey(secret), [`${id}.${now}.`, body], "base64");
    return [
      [`${prefix}-id`, id],
      [`${prefix}-timestamp`, String(now)],
      [`${prefix}-signature`, `v1,${signature}`],
    ];
  };

/** Providers whose signature can be made again from the shared secret, with a fresh timestamp. */
const SIGNERS: Record<string, Signer> = {
  github: (headers, body, secret) => {
    const signed: [string, string][] = [
      ["X-Hub-Signature-256", `sha256=${hmac("sha256", secret, body, "hex")}`],
    ];
    if (headerValue(headers, "x-hub-signature"))
      signed.push(["X-Hub-Signature", `sha1=${hmac("sha1", secret, body, "hex")}`]);
    return signed;
  },
  stripe: (_headers, body, secret, now) => [
    ["Stripe-Signature", `t=${now},v1=${hmac("sha256", secret, [`${now}.`, body], "hex")}`],
  ],
  slack: (_headers, body, secret, now) => [
    ["X-Slack-Request-Timestamp", String(now)],
    ["X-Slack-Signature", `v0=${hmac("sha256", secret, [`v0:${now}:`, body], "hex")}`],
  ],
  zoom: (_headers, body, secret, now) => [
    ["x-zm-request-timestamp", String(now)],
    ["x-zm-signature", `v0=${hmac("sha256", secret, [`v0:${now}:`, body], "hex")}`],
  ],
  paddle: (_headers, body, secret, now) => [
    ["Paddle-Signature", `ts=${now};h1=${hmac("sha256", secret, [`${now}:`, body], "hex")}`],
  ],
  "standard-webhooks": standardWebhooks("webhook"),
  svix: standardWebhooks("svix"),
  shopify: bodyOnly("X-Shopify-Hmac-Sha256", "sha256", "base64", ""),
  typeform: bodyOnly("Typeform-Signature", "sha256", "base64", "sha256="),
  bitbucket: bodyOnly("X-Hub-Signature", "sha256", "hex", "sha256="),
  intercom: bodyOnly("X-Hub-Signature", "sha1", "hex", "sha1="),
};

function customSigner(config: CustomSchemeConfig): Signer {
  return (_headers, body, secret, now) => {
    const timestamped = config.signs === "timestamp.body";
    const signature = hmac(config.algorithm, secret, [timestamped ? `${now}.` : "", body], config.encoding);
    const signed: [string, string][] = [[config.header, `${config.prefix}${signature}`]];
    if (timestamped && config.timestampHeader) signed.unshift([config.timestampHeader, String(now)]);
    return signed;
  };
}

/** Replaces headers by name (case-insensitively, keeping the sender's casing and position) or appends them. */
function withHeaders(headers: HeaderPair[], replacements: [string, string][]): HeaderPair[] {
  const result = headers.map((pair) => [...pair] as HeaderPair);
  for (const [name, value] of replacements) {
    const index = result.findIndex(([existing]) => existing.toLowerCase() === name.toLowerCase());
    if (index === -1) result.push([name, value]);
    else result[index] = [result[index]?.[0] ?? name, value];
  }
  return result;
}

/**
 * The headers with the request's signature made again with `secret` and the time `now` (seconds),
 * so a receiver that refuses old timestamps accepts the replay. An error says why it cannot be done.
 */
export function resignHeaders(options: {
  scheme: string | null;
  custom?: CustomSchemeConfig;
  headers: HeaderPair[];
  body: Buffer;
  secret: string;
  now: number;
}): { headers: HeaderPair[] } | { error: string } {
  const { scheme } = options;
  if (!scheme) return { error: "no signature scheme is known for this request (pin the bin's scheme)" };
  const signer = scheme === "custom" && options.custom ? customSigner(options.custom) : SIGNERS[scheme];
  if (!signer) {
    return {
      error: ["discord", "sendgrid", "standard-webhooks-v1a"].includes(scheme)
        ? `${scheme} signs with the provider's private key, which Hookscope does not hold`
        : `re-signing is not available for ${scheme}`,
    };
  }
  return {
    headers: withHeaders(options.headers, signer(options.headers, options.body, options.secret, options.now)),
  };
}
