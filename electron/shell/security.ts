/**
 * The shell's security decisions as pure functions (no Electron import), so each rule is unit-tested
 * on its own. `hardening.ts` wires them into Electron. Follows the checklist in Electron's
 * "Security" tutorial: every window shows only the host's loopback origin and nothing else.
 */

/** The origin ('http://127.0.0.1:PORT') of a URL, or null when it is not a parseable URL. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // 'null' is what URL gives for opaque origins (data:, file:, about:); those are never ours.
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

/**
 * True only for a plain-HTTP loopback URL. The host listens on 127.0.0.1 alone; a ready message
 * naming any other address means something is wrong and the shell must not load it.
 */
export function isLoopbackHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1' && parsed.port !== '';
  } catch {
    return false;
  }
}

/** A window may navigate only within the host's origin (e.g. from the facilitator page to a report). */
export function isAllowedNavigation(url: string, hostOrigin: string | null): boolean {
  if (hostOrigin === null) return false;
  return originOf(url) === hostOrigin;
}

/**
 * IPC is accepted only from frames showing the host's pages. A null frame URL (frame already gone)
 * or any other origin — a page that somehow got loaded, an iframe — is refused.
 */
export function isTrustedSender(frameUrl: string | null | undefined, hostOrigin: string | null): boolean {
  if (hostOrigin === null || typeof frameUrl !== 'string') return false;
  return originOf(frameUrl) === hostOrigin;
}

/**
 * The Content-Security-Policy for every response from the host's origin. Scripts only from the host
 * itself (all code is bundled; nothing comes from the internet), the host's WebSocket on loopback,
 * inline styles for React/Konva style attributes, images from data:/blob: for QR codes and exports.
 */
export function buildCsp(): string {
  const directives: ReadonlyArray<readonly [string, string]> = [
    ['default-src', "'self'"],
    ['connect-src', "'self' ws://127.0.0.1:*"],
    ['img-src', "'self' data: blob:"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['script-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/**
 * Response headers with our CSP added. A policy the host sent (under any header-name case) is kept
 * beside ours: the browser enforces every policy it receives, so an extra one can only tighten the
 * page, never loosen ours. All values end up under one header name so none is dropped by a
 * case-insensitive merge.
 */
export function withCspHeader(headers: Record<string, string | string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const policies: string[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    if (name.toLowerCase() === 'content-security-policy') policies.push(...values);
    else result[name] = values;
  }
  result['Content-Security-Policy'] = [...policies, buildCsp()];
  return result;
}

/** The webRequest URL filter that matches every request to the host (ports are part of the pattern). */
export function hostUrlPattern(hostOrigin: string): string {
  return `${hostOrigin}/*`;
}
