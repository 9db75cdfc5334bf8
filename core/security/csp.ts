/**
 * The dashboard's Content-Security-Policy. Scripts run only with this response's nonce (and what
 * they load, through 'strict-dynamic'), so markup smuggled into a page could never execute. Styles
 * allow inline attributes: the virtualised list positions rows with them, and CSS cannot run code.
 */
export function dashboardCsp(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates source maps and refresh code at run time.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable for each page view. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
