import type { Id } from '../../../shared/domain';
import { CLUSTER, type ClusterRegion } from './cluster-geometry';
import { canvasMeasure, REFERENCE_SIZE } from './text-fit';
import { type CanvasTheme, darken, FONT_STACK, withOpacity } from './theme';

const measureBold = canvasMeasure(FONT_STACK, 'bold');

/** The title cut to the region's width, with an ellipsis when it is longer. */
function fitTitle(title: string, width: number): string {
  const widthOf = (text: string) => (measureBold(text) * CLUSTER.titleSize) / REFERENCE_SIZE;
  if (widthOf(title) <= width) return title;
  let kept = title;
  while (kept.length > 1 && widthOf(`${kept}…`) > width) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}…`;
}

/** Soft rounded regions behind their notes, each with its title in a band on top. */
export function paintClusters(
  ctx: CanvasRenderingContext2D,
  regions: readonly ClusterRegion[],
  zoneColors: ReadonlyMap<Id, string>,
  theme: CanvasTheme,
  skip?: ReadonlySet<Id>,
): void {
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.font = `bold ${CLUSTER.titleSize}px ${FONT_STACK}`;
  for (const region of regions) {
    if (skip?.has(region.id)) continue;
    const color = zoneColors.get(region.zoneId) ?? '#888888';
    ctx.fillStyle = withOpacity(color, theme.clusterFillOpacity);
    ctx.strokeStyle = withOpacity(darken(color, 0.15), theme.name === 'contrast' ? 0.9 : 0.55);
    ctx.lineWidth = theme.name === 'contrast' ? 4 : 3;
    ctx.beginPath();
    ctx.roundRect(region.x, region.y, region.width, region.height, CLUSTER.radius);
    ctx.fill();
    ctx.setLineDash([14, 10]);
    ctx.stroke();
    ctx.setLineDash([]);
    // A small tab in the side's colour marks the title as the handle of the whole group.
    ctx.fillStyle = darken(color, 0.1);
    ctx.beginPath();
    ctx.roundRect(region.x + CLUSTER.padding, region.y + CLUSTER.titleHeight / 2 - 9, 18, 18, 4);
    ctx.fill();
    ctx.fillStyle = theme.ink;
    const textLeft = region.x + CLUSTER.padding + 30;
    ctx.fillText(fitTitle(region.title, region.width - (textLeft - region.x) - CLUSTER.padding), textLeft, region.y + CLUSTER.titleHeight / 2 + 1);
  }
}
