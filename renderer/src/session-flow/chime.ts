/**
 * A soft chime made on the spot with the Web Audio API (no sound file): three sine tones of a
 * major chord that swell in and fade out over two seconds. Browsers allow sound only after the
 * user did something on the page, so `prepareChime` is called from the click that starts a timer.
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (context) return context;
  const Constructor = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Constructor) return null;
  try {
    context = new Constructor();
  } catch {
    return null;
  }
  return context;
}

export function prepareChime(): void {
  const ctx = audio();
  if (ctx?.state === 'suspended') void ctx.resume().catch(() => undefined);
}

/** Plays the chime; silently does nothing where sound is impossible. Returns whether it played. */
export function playChime(volume = 0.18): boolean {
  const ctx = audio();
  if (ctx?.state !== 'running') return false;
  const start = ctx.currentTime + 0.05;
  const master = ctx.createGain();
  master.gain.value = volume;
  master.connect(ctx.destination);
  // C6 – E6 – G6, each a little later: a gentle rising "ding-ding-ding".
  [1046.5, 1318.5, 1568].forEach((frequency, index) => {
    const at = start + index * 0.28;
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(1, at + 0.04);
    gain.gain.exponentialRampToValueAtTime(0.001, at + 1.8);
    oscillator.connect(gain);
    gain.connect(master);
    oscillator.start(at);
    oscillator.stop(at + 1.9);
  });
  return true;
}
