import { describe, expect, it } from "vitest";
import { dashboardCsp, newNonce } from "./csp";

describe("dashboardCsp", () => {
  it("lets scripts run only with the nonce, and nothing frame the page", () => {
    const policy = dashboardCsp("abc123", { dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it("allows eval only in development", () => {
    expect(dashboardCsp("n", { dev: true })).toContain("'unsafe-eval'");
  });
});

describe("newNonce", () => {
  it("is 16 random bytes in base64, new each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});
