import { memo, useMemo } from 'react';
import type { ModelTemplate } from '../../../shared/domain';
import { figureGeometry } from '../canvas/figure-geometry';

/** Air around the zones, in world units, so the outlines are not cut at the thumbnail's edge. */
const AIR = 40;

/**
 * A small picture of a model, drawn from its own data: its zones' ellipses in their colours and the
 * ∞ through them, as the canvas draws them (figure-geometry.ts), so the picker shows the model a
 * session will get — a saved, edited model included. Decorative: the option's text names it.
 */
export const ModelThumbnail = memo(function ModelThumbnail({ template }: { template: ModelTemplate }) {
  const { box, path } = useMemo(() => {
    const areas = template.zones.map((zone) => zone.area);
    const left = Math.min(...areas.map((area) => area.x - area.rx)) - AIR;
    const top = Math.min(...areas.map((area) => area.y - area.ry)) - AIR;
    const right = Math.max(...areas.map((area) => area.x + area.rx)) + AIR;
    const bottom = Math.max(...areas.map((area) => area.y + area.ry)) + AIR;
    const points = template.background ? [] : figureGeometry(template.figure, template.zones).points;
    const pairs: string[] = [];
    for (let index = 0; index + 1 < points.length; index += 2) pairs.push(`${Math.round(points[index] ?? 0)},${Math.round(points[index + 1] ?? 0)}`);
    return { box: `${left} ${top} ${right - left} ${bottom - top}`, path: pairs.length > 0 ? `M${pairs.join('L')}Z` : '' };
  }, [template]);
  if (template.zones.length === 0) return <span className="model-thumbnail" aria-hidden="true" />;
  return (
    <svg className="model-thumbnail" viewBox={box} aria-hidden="true" focusable="false" data-zones={template.zones.length}>
      {template.zones.map(({ id, color, area }) => (
        <ellipse key={id} cx={area.x} cy={area.y} rx={area.rx} ry={area.ry} fill={color} fillOpacity={0.3} stroke={color} strokeWidth={14} />
      ))}
      {path && <path d={path} fill="none" stroke="#7a6552" strokeOpacity={0.75} strokeWidth={22} strokeLinejoin="round" />}
    </svg>
  );
});
