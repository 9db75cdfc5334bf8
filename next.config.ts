import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time, shared with the custom server (server.ts) instead of being
  // bundled twice; PGlite's wasm would otherwise also be copied into the public static folder.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "drizzle-orm"],
  // Event streams must reach the browser unbuffered and uncompressed.
  compress: false,
  poweredByHeader: false,
  // Captures are served by server.ts, but keep Next from rewriting any path with a trailing slash.
  skipTrailingSlashRedirect: true,
  // `next dev` would otherwise write an AGENTS.md into the repository on every start.
  agentRules: false,
  experimental: { agentUpgrade: false },
  // The dashboard shows other companies' payloads: never framed, never leaking its URLs (they hold
  // bin ids) in Referer headers, never content-sniffed.
  async headers() {
    return [
      {
        // Not capture URLs: they carry their own `sandbox` policy (see the capture route).
        source: "/((?!h/|h$).*)",
        headers: [
          {
            key: "Content-Security-Policy",
            value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
          },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Content-Type-Options", value: "nosniff" },
        ],
      },
    ];
  },
};

export default nextConfig;
