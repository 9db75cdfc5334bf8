import { createHmac } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Stripe from "stripe";
import { bearer, type CreatedBin, createBin, getDetail, nodeHttp } from "../helpers";

interface Verdict {
  verdict: string;
  scheme: string | null;
  reason: string;
  details?: { matchedSecret?: string; expected?: string; signedContent?: string };
}

async function deliver(
  baseURL: string | undefined,
  bin: CreatedBin,
  headers: Record<string, string>,
  body: string,
) {
  const response = await nodeHttp(`${baseURL}/h/${bin.id}/webhook`, {
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  expect(response.status).toBe(200);
  return String(response.headers["x-hookscope-request-id"]);
}

async function verdictOf(request: Parameters<typeof getDetail>[0], bin: CreatedBin, id: string) {
  return (await getDetail(request, bin, id)).signature as Verdict;
}

const SECRET = "It's a Secret to Everybody, 9f3c";

// The signature GitHub sends (octokit's sign() is ESM-only, which Playwright's loader cannot import;
// the unit tests check this scheme against octokit itself).
const sign = async (secret: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

test.describe("signature verification", () => {
  test("stores the secret sealed and shows only a masked hint", async ({ request }) => {
    const bin = await createBin(request);
    const response = await request.patch(`/api/bins/${bin.id}`, {
      headers: bearer(bin),
      data: { secret: SECRET, previousSecret: "older-secret-value-1234" },
    });
    expect(response.status()).toBe(200);
    const json = await response.json();
    expect(json.signing).toMatchObject({
      scheme: "auto",
      secretHint: "It's…9f3c",
      previousSecretHint: "olde…1234",
    });
    const read = await request.get(`/api/bins/${bin.id}`, { headers: bearer(bin) });
    const text = await read.text();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("older-secret-value-1234");
  });

  test("checks GitHub deliveries signed by octokit: valid, tampered, unsigned", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    await request.patch(`/api/bins/${bin.id}`, { headers: bearer(bin), data: { secret: SECRET } });
    const body = JSON.stringify({ zen: "Design for failure.", hook_id: 1 });
    const signature = await sign(SECRET, body);

    const valid = await verdictOf(
      request,
      bin,
      await deliver(baseURL, bin, { "X-GitHub-Event": "ping", "X-Hub-Signature-256": signature }, body),
    );
    expect(valid).toMatchObject({ verdict: "valid", scheme: "github" });
    expect(valid.reason).toContain("X-Hub-Signature-256 matches");
    expect(valid.details?.matchedSecret).toBe("current");

    const tampered = await verdictOf(
      request,
      bin,
      await deliver(baseURL, bin, { "X-Hub-Signature-256": signature }, body.replace("failure", "success")),
    );
    expect(tampered).toMatchObject({ verdict: "invalid", scheme: "github" });

    const unsigned = await verdictOf(request, bin, await deliver(baseURL, bin, {}, body));
    expect(unsigned).toMatchObject({ verdict: "missing", scheme: null });

    const list = await request.get(`/api/bins/${bin.id}/requests?verdict=invalid`, { headers: bearer(bin) });
    const listed = (await list.json()).requests as { signature: Verdict }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]?.signature.verdict).toBe("invalid");
    expect(listed[0]?.signature).not.toHaveProperty("details");
  });

  test("is unchecked without a secret, naming the scheme it saw", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const id = await deliver(baseURL, bin, { "Stripe-Signature": "t=1,v1=00" }, "{}");
    expect(await verdictOf(request, bin, id)).toMatchObject({ verdict: "unchecked", scheme: "stripe" });
  });

  test("accepts the previous secret during rotation and calls an old Stripe event expired", async ({
    request,
    baseURL,
  }) => {
    const bin = await createBin(request);
    await request.patch(`/api/bins/${bin.id}`, {
      headers: bearer(bin),
      data: { secret: "whsec_new_secret", previousSecret: "whsec_old_secret" },
    });
    const payload = JSON.stringify({ id: "evt_rotation", object: "event" });
    const now = Math.floor(Date.now() / 1000);
    const fresh = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: "whsec_old_secret",
      timestamp: now,
    });
    const rotated = await verdictOf(
      request,
      bin,
      await deliver(baseURL, bin, { "Stripe-Signature": fresh }, payload),
    );
    expect(rotated).toMatchObject({ verdict: "valid", scheme: "stripe" });
    expect(rotated.details?.matchedSecret).toBe("previous");

    const old = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: "whsec_new_secret",
      timestamp: now - 3600,
    });
    const expired = await verdictOf(
      request,
      bin,
      await deliver(baseURL, bin, { "Stripe-Signature": old }, payload),
    );
    expect(expired.verdict).toBe("expired");
    expect(expired.reason).toContain("60 min before");
  });

  test("re-verifies stored requests after the secret is fixed", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    await request.patch(`/api/bins/${bin.id}`, { headers: bearer(bin), data: { secret: "a-wrong-secret" } });
    const body = '{"action":"created"}';
    const id = await deliver(baseURL, bin, { "X-Hub-Signature-256": await sign(SECRET, body) }, body);
    expect((await verdictOf(request, bin, id)).verdict).toBe("invalid");

    await request.patch(`/api/bins/${bin.id}`, { headers: bearer(bin), data: { secret: SECRET } });
    const response = await request.post(`/api/bins/${bin.id}/reverify`, { headers: bearer(bin) });
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ checked: 1, verdicts: { valid: 1 } });
    expect((await verdictOf(request, bin, id)).verdict).toBe("valid");
  });

  test("checks a custom scheme", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const patch = await request.patch(`/api/bins/${bin.id}`, {
      headers: bearer(bin),
      data: {
        secret: "acme-secret",
        scheme: "custom",
        customScheme: { header: "X-Acme-Signature", algorithm: "sha256", encoding: "hex", prefix: "sha256=" },
      },
    });
    expect(patch.status()).toBe(200);
    const body = '{"order":42}';
    const id = await deliver(baseURL, bin, { "X-Acme-Signature": await sign("acme-secret", body) }, body);
    expect(await verdictOf(request, bin, id)).toMatchObject({ verdict: "valid", scheme: "custom" });
  });

  test("rejects invalid signing settings with 400 and a message", async ({ request }) => {
    const bin = await createBin(request);
    for (const [data, message] of [
      [{ scheme: "paypal" }, "scheme must be one of"],
      [{ scheme: "custom" }, "customScheme"],
      [{ secret: "" }, "cannot be empty"],
      [{ customScheme: { header: "X-Sig", signs: "timestamp.body" } }, "timestampHeader"],
    ] as const) {
      const response = await request.patch(`/api/bins/${bin.id}`, { headers: bearer(bin), data });
      expect(response.status(), JSON.stringify(data)).toBe(400);
      expect((await response.json()).error.message).toContain(message);
    }
  });

  test("never writes a secret to the server's logs", async ({ request, baseURL }) => {
    const bin = await createBin(request);
    const secret = `log-canary-${Date.now()}`;
    await request.patch(`/api/bins/${bin.id}`, { headers: bearer(bin), data: { secret } });
    await deliver(baseURL, bin, { "X-Hub-Signature-256": "sha256=00" }, "{}");
    await request.post(`/api/bins/${bin.id}/reverify`, { headers: bearer(bin) });
    const logDir = path.join("test-results", "server-logs");
    for (const file of readdirSync(logDir)) {
      expect(readFileSync(path.join(logDir, file), "utf8"), file).not.toContain(secret);
    }
  });
});
