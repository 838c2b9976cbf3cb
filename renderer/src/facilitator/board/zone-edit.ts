import type { Zone, ZoneArea } from '../../../../shared/domain';
import type { ZoneHandle } from '../../canvas/hit-test';

/** A zone's area after dragging its body (move) or one of its edge handles (resize) by dx, dy. */
export function zoneAreaAfter(zone: Zone, handle: ZoneHandle, dx: number, dy: number): ZoneArea {
  const { x, y, rx, ry } = zone.area;
  const min = 30;
  const round = (area: ZoneArea): ZoneArea => ({ x: Math.round(area.x), y: Math.round(area.y), rx: Math.round(area.rx), ry: Math.round(area.ry) });
  switch (handle) {
    case 'move':
      return round({ x: x + dx, y: y + dy, rx, ry });
    case 'left':
      return round({ x, y, rx: Math.max(min, rx - dx), ry });
    case 'right':
      return round({ x, y, rx: Math.max(min, rx + dx), ry });
    case 'top':
      return round({ x, y, rx, ry: Math.max(min, ry - dy) });
    case 'bottom':
      return round({ x, y, rx, ry: Math.max(min, ry + dy) });
  }
}
