import type { Zone } from '../../../shared/domain';
import { CLUSTER, type ClusterRegion } from './cluster-geometry';
import { NOTE } from './geometry';
import { HANDLE_RADIUS, type Positioned, zoneHandles } from './hit-test';
import type { CanvasTheme } from './theme';

/**
 * What lies over the notes and changes often: selection outlines, the rubber band, zone handles.
 * On its own small layer, so selecting a note on a board of thousands redraws only this.
 */
export interface OverlayState {
  selectedNotes: readonly Positioned[];
  /** The keyboard's cursor (note-cursor.ts), a dashed ring apart from the selection's. */
  cursorNote?: Positioned | null;
  selectedCluster: ClusterRegion | null;
  /** The rubber band being drawn, in world units; `ellipse` draws a zone's new outline while it is moved. */
  marquee: { x: number; y: number; width: number; height: number; ellipse?: boolean } | null;
  /** Zones being edited show handles to move and resize them. */
  editedZones: readonly Zone[] | null;
  /** World units per screen pixel, so lines keep their width on screen at any zoom. */
  pixel: number;
}

export const EMPTY_OVERLAY: OverlayState = { selectedNotes: [], selectedCluster: null, marquee: null, editedZones: null, pixel: 1 };

export function paintOverlay(ctx: CanvasRenderingContext2D, overlay: OverlayState, theme: CanvasTheme): void {
  const px = overlay.pixel;
  ctx.strokeStyle = theme.selection;
  ctx.lineWidth = 4 * px;
  ctx.lineJoin = 'round';
  for (const note of overlay.selectedNotes) {
    const gap = 5 * px;
    ctx.beginPath();
    ctx.roundRect(note.x - NOTE.width / 2 - gap, note.y - NOTE.height / 2 - gap, NOTE.width + 2 * gap, NOTE.height + 2 * gap, 9);
    ctx.stroke();
  }
  if (overlay.cursorNote) {
    const note = overlay.cursorNote;
    const gap = 12 * px;
    ctx.lineWidth = 3 * px;
    ctx.setLineDash([10 * px, 6 * px]);
    ctx.beginPath();
    ctx.roundRect(note.x - NOTE.width / 2 - gap, note.y - NOTE.height / 2 - gap, NOTE.width + 2 * gap, NOTE.height + 2 * gap, 12);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  const cluster = overlay.selectedCluster;
  if (cluster) {
    ctx.lineWidth = 5 * px;
    ctx.beginPath();
    ctx.roundRect(cluster.x - 4 * px, cluster.y - 4 * px, cluster.width + 8 * px, cluster.height + 8 * px, CLUSTER.radius + 4);
    ctx.stroke();
  }
  if (overlay.marquee) {
    const { x, y, width, height, ellipse } = overlay.marquee;
    ctx.fillStyle = 'rgba(29, 78, 107, 0.10)';
    ctx.lineWidth = (ellipse ? 4 : 2) * px;
    ctx.setLineDash([8 * px, 6 * px]);
    ctx.beginPath();
    if (ellipse) ctx.ellipse(x + width / 2, y + height / 2, Math.abs(width / 2), Math.abs(height / 2), 0, 0, Math.PI * 2);
    else ctx.rect(x, y, width, height);
    ctx.fill();
    ctx.stroke();
    ctx.setLineDash([]);
  }
  for (const zone of overlay.editedZones ?? []) paintZoneHandles(ctx, zone, theme, px);
}

function paintZoneHandles(ctx: CanvasRenderingContext2D, zone: Zone, theme: CanvasTheme, px: number): void {
  const { x, y, rx, ry } = zone.area;
  ctx.lineWidth = 3 * px;
  ctx.strokeStyle = theme.selection;
  ctx.setLineDash([10 * px, 8 * px]);
  ctx.beginPath();
  ctx.ellipse(x, y, rx, ry, 0, 0, Math.PI * 2);
  ctx.stroke();
  ctx.setLineDash([]);
  const radius = Math.max(HANDLE_RADIUS * 0.6, 11 * px);
  for (const spot of zoneHandles(zone)) {
    ctx.beginPath();
    ctx.arc(spot.x, spot.y, radius, 0, Math.PI * 2);
    ctx.fillStyle = '#FFFFFF';
    ctx.fill();
    ctx.stroke();
  }
  // The middle: a cross to say "grab here to move".
  ctx.beginPath();
  ctx.moveTo(x - 16 * px, y);
  ctx.lineTo(x + 16 * px, y);
  ctx.moveTo(x, y - 16 * px);
  ctx.lineTo(x, y + 16 * px);
  ctx.stroke();
}
