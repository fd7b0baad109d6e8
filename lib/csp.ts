// The portal's Content-Security-Policy. Scripts only with this response's nonce (and
// what they load, 'strict-dynamic'); no inline or foreign scripts, no plugins, no
// framing, forms post only to the portal. Styles allow inline attributes (React and
// Radix set style="…"), which cannot run code. Development adds 'unsafe-eval' for
// React's dev tooling; production never does. `worker-src 'self'` is for the document
// viewer (components/viewer): pdf.js parses PDFs in a worker whose script the bundle serves
// from the portal's own origin; without it the worker falls back to script-src, where
// 'strict-dynamic' ignores 'self'. No frame-src: documents are drawn in the page, not framed.
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `worker-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}
