import { verify as octokitVerify } from "@octokit/webhooks-methods";
import { Webhook } from "standardwebhooks";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { signedRequest } from "../signatures/test-request";
import { verifySignature } from "../signatures/verify";
import { resignHeaders } from "./resign";

const body = Buffer.from(JSON.stringify({ id: "evt_old", object: "event", type: "invoice.paid" }));
const now = Math.floor(Date.now() / 1000);

function resigned(scheme: string, secret: string, headers: [string, string][] = []) {
  const result = resignHeaders({ scheme, headers, body, secret, now });
  if ("error" in result) throw new Error(result.error);
  return result.headers;
}

describe("resignHeaders", () => {
  it("gives an old Stripe event a fresh signature stripe-node accepts", () => {
    const headers = resigned("stripe", "whsec_test", [
      ["Content-Type", "application/json"],
      ["Stripe-Signature", "t=1,v1=stale"],
    ]);
    const signature = headers.find(([name]) => name === "Stripe-Signature")?.[1] ?? "";
    expect(signature.startsWith(`t=${now},`)).toBe(true);
    expect(Stripe.webhooks.constructEvent(body.toString(), signature, "whsec_test").id).toBe("evt_old");
    expect(headers[0]).toEqual(["Content-Type", "application/json"]);
  });

  it("signs GitHub deliveries octokit verifies", async () => {
    const headers = resigned("github", "s3cret", [["X-Hub-Signature-256", "sha256=00"]]);
    const signature = headers.find(([name]) => name === "X-Hub-Signature-256")?.[1] ?? "";
    expect(await octokitVerify("s3cret", body.toString(), signature)).toBe(true);
  });

  it("signs Standard Webhooks messages the reference library verifies now, keeping the message id", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const headers = resigned("standard-webhooks", secret, [
      ["webhook-id", "msg_keep"],
      ["webhook-timestamp", "1614265330"],
      ["webhook-signature", "v1,stale"],
    ]);
    const record = Object.fromEntries(headers);
    expect(record["webhook-id"]).toBe("msg_keep");
    expect(new Webhook(secret).verify(body.toString(), record)).toMatchObject({ id: "evt_old" });
  });

  it.each(["slack", "zoom", "paddle", "svix", "shopify", "typeform", "bitbucket", "intercom"])(
    "makes %s signatures that verify as valid now",
    (scheme) => {
      const secret = scheme === "svix" ? "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" : "a-secret";
      const headers = resigned(scheme, secret, scheme === "svix" ? [["svix-id", "msg_1"]] : []);
      const result = verifySignature(signedRequest({ headers, body, receivedAt: now }), {
        scheme,
        secrets: [{ label: "current", value: secret }],
      });
      expect(result.verdict).toBe("valid");
    },
  );

  it("explains what cannot be re-signed", () => {
    expect(resignHeaders({ scheme: "discord", headers: [], body, secret: "k", now })).toEqual({
      error: "discord signs with the provider's private key, which Hookscope does not hold",
    });
    expect(resignHeaders({ scheme: null, headers: [], body, secret: "k", now })).toHaveProperty("error");
  });
});
