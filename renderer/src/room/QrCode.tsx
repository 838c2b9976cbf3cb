import QRCode from 'qrcode';
import { useMemo } from 'react';

/**
 * A QR code drawn as one SVG path, made on this computer by the `qrcode` package: nothing is
 * fetched, and it stays sharp at any size on a beamer. A quiet zone of 4 modules, as the standard asks.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, path } = useMemo(() => {
    const matrix = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    let d = '';
    for (let row = 0; row < matrix.size; row += 1) {
      for (let column = 0; column < matrix.size; column += 1) {
        if (matrix.get(row, column)) d += `M${column + 4} ${row + 4}h1v1h-1z`;
      }
    }
    return { size: matrix.size + 8, path: d };
  }, [text]);
  return (
    <svg className={className} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges" data-qr={text}>
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** ABC123 → "ABC 123": easier to read aloud and to copy off a wall. */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** What people type: the address without http:// and without the page, as the root redirects to it. */
export function typedAddress(joinUrl: string): string {
  const url = new URL(joinUrl);
  return url.host;
}
