// The address a request came from, as the launcher (scripts/start.mjs) established it:
// it takes X-Real-IP only from a trusted proxy (TRUSTED_PROXIES, default loopback),
// otherwise the socket's peer, and overwrites any x-toolaud-client-ip a client sent. It
// marks the process (globalThis) so that under a bare `next start` (the demo), where
// nobody overwrites the header, a client-sent value is ignored and the address is "direct".
export const CLIENT_IP_HEADER = 'x-toolaud-client-ip';
const launcherMark = Symbol.for('toolaud.launcher');

export function clientIpFrom(headers: Pick<Headers, 'get'>): string {
  const underLauncher = Boolean((globalThis as { [launcherMark]?: boolean })[launcherMark]);
  return (underLauncher && headers.get(CLIENT_IP_HEADER)) || 'direct';
}
