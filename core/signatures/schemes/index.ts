import type { SignatureScheme, SignedRequest } from "../types";
import { bitbucket } from "./bitbucket";
import { discord } from "./discord";
import { github } from "./github";
import { gitlab } from "./gitlab";
import { hubspot } from "./hubspot";
import { intercom } from "./intercom";
import { linear } from "./linear";
import { mailgun } from "./mailgun";
import { paddle } from "./paddle";
import { sendgrid } from "./sendgrid";
import { shopify } from "./shopify";
import { slack } from "./slack";
import { square } from "./square";
import { standardWebhooks, svix } from "./standard-webhooks";
import { standardWebhooksV1a } from "./standard-webhooks-v1a";
import { stripe } from "./stripe";
import { twilio } from "./twilio";
import { twitch } from "./twitch";
import { typeform } from "./typeform";
import { zoom } from "./zoom";

/**
 * Every provider scheme, in the order automatic detection tries them: schemes with a distinctive
 * header first, the ones sharing a generic header name (X-Hub-Signature) after. Adding a provider
 * is adding its file and a line here.
 */
export const SCHEMES: readonly SignatureScheme[] = [
  stripe,
  github,
  slack,
  // Before the symmetric scheme, which would otherwise claim any webhook-signature header.
  standardWebhooksV1a,
  standardWebhooks,
  svix,
  shopify,
  twilio,
  gitlab,
  paddle,
  square,
  zoom,
  linear,
  twitch,
  hubspot,
  discord,
  sendgrid,
  typeform,
  // These share X-Hub-Signature, so they come after GitHub.
  intercom,
  bitbucket,
  // Detected from the body rather than a header: last.
  mailgun,
];

export const SCHEME_IDS = SCHEMES.map((scheme) => scheme.id);

export function schemeById(id: string): SignatureScheme | null {
  return SCHEMES.find((scheme) => scheme.id === id) ?? null;
}

export function detectScheme(request: SignedRequest): SignatureScheme | null {
  return SCHEMES.find((scheme) => scheme.detect(request)) ?? null;
}
