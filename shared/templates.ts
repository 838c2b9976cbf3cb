import type { ModelTemplate, WorkspaceState, Zone, ZoneArea } from './domain';

/**
 * The built-in model templates, as data. Colours come from the Okabe–Ito palette, which stays
 * distinguishable for the common forms of colour blindness and survives a washed-out beamer.
 */
export const ZONE_COLORS = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

const zone = (id: string, name: string, color: string, question: string, area: ZoneArea): Zone => ({
  id,
  name,
  color,
  question,
  area,
});

export const LEMNISCATE_IK_WIJ_HET: ModelTemplate = {
  id: 'lemniscaat-ik-wij-het',
  name: 'Lemniscaat IK · WIJ · HET',
  figure: 'lemniscate',
  background: null,
  zones: [
    zone('wij', 'WIJ-kant', ZONE_COLORS.sky, 'Hoe werken we samen? Wat is onze gedeelde visie?', {
      x: 420,
      y: 500,
      rx: 300,
      ry: 270,
    }),
    zone('ik', 'IK-kant', ZONE_COLORS.orange, 'Wat drijft mij? Welke talenten zet ik in?', {
      x: 800,
      y: 500,
      rx: 110,
      ry: 200,
    }),
    zone('het', 'HET-kant', ZONE_COLORS.green, 'Hoe plannen, doen, checken en bijstellen we?', {
      x: 1180,
      y: 500,
      rx: 300,
      ry: 270,
    }),
  ],
};

export const CREATION_LEMNISCATE: ModelTemplate = {
  id: 'creatielemniscaat',
  name: 'Creatielemniscaat',
  figure: 'creation',
  background: null,
  zones: [
    zone('zij', 'ZIJ-kant', ZONE_COLORS.purple, 'Waarom en voor wie doen we dit?', { x: 420, y: 360, rx: 260, ry: 140 }),
    zone('ik', 'IK-kant', ZONE_COLORS.orange, 'Wat wil ik creëren?', { x: 420, y: 640, rx: 260, ry: 140 }),
    zone('wij', 'WIJ-kant', ZONE_COLORS.sky, 'Met wie verbind ik me?', { x: 1180, y: 360, rx: 260, ry: 140 }),
    zone('het', 'HET-kant', ZONE_COLORS.green, 'Hoe doen we het?', { x: 1180, y: 640, rx: 260, ry: 140 }),
  ],
};

export const DYNAMIC_JUDGEMENT: ModelTemplate = {
  id: 'dynamische-oordeelsvorming',
  name: 'Dynamische oordeelsvorming',
  figure: 'judgement',
  background: null,
  zones: [
    zone('feiten', 'Feiten', ZONE_COLORS.sky, 'Wat is er gebeurd? (kenweg, terugkijken)', { x: 300, y: 330, rx: 170, ry: 120 }),
    zone('begrippen', 'Begrippen', ZONE_COLORS.blue, 'Hoe begrijpen we het?', { x: 300, y: 670, rx: 170, ry: 120 }),
    zone('inzicht', 'Inzicht', ZONE_COLORS.purple, 'Wat zien we nu?', { x: 620, y: 500, rx: 140, ry: 150 }),
    zone('doelen', 'Doelen', ZONE_COLORS.orange, 'Wat willen we bereiken? (keuzeweg, vooruitkijken)', {
      x: 980,
      y: 500,
      rx: 140,
      ry: 150,
    }),
    zone('middelen', 'Middelen', ZONE_COLORS.yellow, 'Wat is ervoor nodig?', { x: 1300, y: 330, rx: 170, ry: 120 }),
    zone('besluit', 'Besluit', ZONE_COLORS.green, 'Wat besluiten we?', { x: 1300, y: 670, rx: 170, ry: 120 }),
  ],
};

export const BUILT_IN_TEMPLATES: readonly ModelTemplate[] = [
  LEMNISCATE_IK_WIJ_HET,
  CREATION_LEMNISCATE,
  DYNAMIC_JUDGEMENT,
];

export function findTemplate(id: string): ModelTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((template) => template.id === id);
}

/**
 * A template a new session can start from: a built-in one, or one a facilitator saved with a
 * programme (Programme.templates). Built-ins win, so a saved template can never shadow them.
 */
export function resolveTemplate(workspace: WorkspaceState, id: string): ModelTemplate | undefined {
  const builtIn = findTemplate(id);
  if (builtIn) return builtIn;
  for (const programme of Object.values(workspace.programmes)) {
    const saved = programme.templates?.find((template) => template.id === id);
    if (saved) return saved;
  }
  return undefined;
}

/**
 * Where a note for a point goes: the zone that holds it, else the nearest zone (measured in its own
 * radii), with the point drawn in to just inside that zone's rim. Null only for a model without zones.
 */
export function nearestZoneSpot(template: ModelTemplate, x: number, y: number): { zone: Zone; x: number; y: number } | null {
  const inside = zoneAt(template, x, y);
  if (inside) return { zone: inside, x, y };
  let best: { zone: Zone; reach: number } | null = null;
  for (const zone of template.zones) {
    const reach = Math.hypot((x - zone.area.x) / zone.area.rx, (y - zone.area.y) / zone.area.ry);
    if (!best || reach < best.reach) best = { zone, reach };
  }
  if (!best) return null;
  const { zone, reach } = best;
  const pull = RIM / reach;
  return { zone, x: zone.area.x + (x - zone.area.x) * pull, y: zone.area.y + (y - zone.area.y) * pull };
}

/** How far towards its rim a note pulled into a zone lands: inside, with room for the note itself. */
const RIM = 0.8;

/** The zone whose ellipse holds the point; the smallest wins where ellipses overlap. */
export function zoneAt(template: ModelTemplate, x: number, y: number): Zone | null {
  const hits = template.zones.filter(({ area }) => {
    const dx = (x - area.x) / area.rx;
    const dy = (y - area.y) / area.ry;
    return dx * dx + dy * dy <= 1;
  });
  hits.sort((a, b) => a.area.rx * a.area.ry - b.area.rx * b.area.ry);
  return hits[0] ?? null;
}
