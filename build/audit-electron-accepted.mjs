// Electronegativity findings we looked at and accept, each with its reason (see README, "Security").
// A finding is accepted only for the check and file named here; anything new fails the audit.

export const ACCEPTED = [
  {
    check: 'CSP_GLOBAL_CHECK',
    file: /^electron\/shell\/security\.ts$/,
    reason:
      "The only remark on the CSP is that script-src 'self' can be unsafe when the origin serves JSONP, Angular " +
      'templates or files users uploaded. The host origin serves only the built bundle from dist/renderer and JSON ' +
      'from its API; pictures of a model are data: URLs drawn on a canvas, exports are downloads, nothing a user ' +
      'made is ever served as a script or a page.',
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: /^electron\/shell\/windows\.ts$/,
    reason:
      'A middle click can only ask for a new window or a navigation. Every web contents denies all new windows ' +
      "(setWindowOpenHandler → deny) and every navigation away from the host's origin (will-navigate, " +
      'will-redirect), in hardening.ts, for windows made now and later. Disabling the Blink feature would add ' +
      'nothing to that, and its name is not a stable Electron option.',
  },
];
