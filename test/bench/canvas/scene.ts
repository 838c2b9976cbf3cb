import type { Zone } from '../../../shared/domain';
import { LEMNISCATE_IK_WIJ_HET } from '../../../shared/templates';
import { BenchClient } from '../support/bench-client';
import { mustAck } from '../support/session';

/** One note of the benchmark scene, as note.add takes it. */
export interface SceneNote {
  id: string;
  zoneId: string;
  text: string;
  x: number;
  y: number;
}

/** Words as people write them on a note: short ones, whole sentences, and a few that need shrinking. */
const PHRASES = [
  'Korte lijnen',
  'Goede sfeer in het team',
  'Mensen kennen elkaar en leren van elkaar',
  'Visie samen handen en voeten geven',
  'Monitoring: wat willen we weten?',
  'Per partner één aanspreekpunt',
  'Geen kind langdurig in armoede: dat drijft mij',
  'Ruimte om te leren',
  'Helder ritme van plannen, doen, checken en bijstellen',
  'Bestaande interventies in kaart brengen, zodat we weten wat er al is en wat nog ontbreekt in de wijk',
  'Vertrouwen',
  'Organisaties doen graag mee aan pilots, maar de tijd is er vaak niet en dan blijft het bij goede bedoelingen',
];

/** A small, seeded random source: every run and both sides of a ratio draw the very same scene. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pointIn = (zone: Zone, next: () => number) => {
  const angle = next() * Math.PI * 2;
  const radius = Math.sqrt(next()) * 0.85;
  return { x: Math.round(zone.area.x + Math.cos(angle) * radius * zone.area.rx), y: Math.round(zone.area.y + Math.sin(angle) * radius * zone.area.ry) };
};

/** The dragged note: made last, so it lies on top, in the middle of the WIJ side. */
export const DRAGGED = { id: 'dragged', zoneId: 'wij', text: 'Deze notitie wordt gesleept', x: 420, y: 500 } as const;

/** `count` notes over the three sides of the lemniscate (the last one is DRAGGED). */
export function sceneNotes(count: number): SceneNote[] {
  const next = random(count);
  const zones = LEMNISCATE_IK_WIJ_HET.zones;
  const notes: SceneNote[] = [];
  for (let index = 0; index < count - 1; index += 1) {
    const zone = zones[Math.floor(next() * zones.length)] as Zone;
    notes.push({ id: `b${index}`, zoneId: zone.id, text: PHRASES[index % PHRASES.length] as string, ...pointIn(zone, next) });
  }
  notes.push({ ...DRAGGED });
  return notes;
}

/**
 * Adds the notes through the host's protocol, as a facilitator would. A connection may send 200
 * messages at once, so each batch gets its own connection and all batches go in parallel.
 */
export async function addNotes(socketUrl: string, sessionId: string, notes: readonly SceneNote[], batch = 180): Promise<void> {
  const batches: SceneNote[][] = [];
  for (let start = 0; start < notes.length; start += batch) batches.push(notes.slice(start, start + batch));
  // The dragged note must be the last one made (it lies on top), so the final batch waits for the rest.
  const last = batches.pop() ?? [];
  const send = async (group: readonly SceneNote[]) => {
    const client = await BenchClient.connect(socketUrl);
    try {
      await Promise.all(group.map((note) => mustAck(client, sessionId, { type: 'note.add', ...note }, `${sessionId}-add-${note.id}`)));
    } finally {
      client.close();
    }
  };
  await Promise.all(batches.map(send));
  await send(last);
}
