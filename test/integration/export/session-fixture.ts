import { execFileSync } from 'node:child_process';
import type { Engine } from '../../../electron/host/engine';
import type { Actor } from '../../../shared/domain';
import { LEMNISCATE_IK_WIJ_HET } from '../../../shared/templates';

/**
 * Fills a session through the engine with real commands from a facilitator and from phones:
 * the same path a WebSocket message takes after parsing.
 */
const FACILITATOR: Actor = { role: 'facilitator', participantId: null };
let counter = 0;

export function command(engine: Engine, stream: string, command: Record<string, unknown> & { type: string }, actor: Actor = FACILITATOR): void {
  const reply = engine.handle({ t: 'command', id: `fx-${++counter}`, stream, command }, actor);
  if (reply.t === 'error') throw new Error(`${command.type} refused: ${reply.message}`);
}

export const HOSTILE_NOTES = [
  '<script>alert(1)</script>',
  '%PDF-1.7 trailer << /Root 1 0 R >> %%EOF',
  'שלום עולם',
  'مرحبا بالعالم',
  'Feest 🎉 en 👍 met ë, ĳ en ✓',
  `Lang: ${'woord '.repeat(99)}`.slice(0, 500),
  'x'.repeat(500),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a note that looks like a template must stay text.
  '{page} {pages} \\n ${process.env.HOME}',
];

export interface BigSessionOptions {
  id: string;
  notes: number;
  points: number;
  participants: number;
  title?: string;
  date?: string;
  programmeId?: string | null;
}

/** A session of the size of the benchmarks: many notes over all sides, clusters, ranked points. */
export function fillSession(engine: Engine, options: BigSessionOptions): void {
  const { id } = options;
  command(engine, 'workspace', {
    type: 'session.create',
    id,
    programmeId: options.programmeId ?? null,
    title: options.title ?? 'Groot eiland',
    group: 'Programmateam',
    date: options.date ?? '2024-06-02',
    facilitator: 'Lauren Algra',
    templateId: LEMNISCATE_IK_WIJ_HET.id,
  });
  const zones = LEMNISCATE_IK_WIJ_HET.zones;
  for (const zone of zones) command(engine, id, { type: 'observation.set', zoneId: zone.id, text: `Wat goed gaat aan de ${zone.name}: samenwerking, ritme en energie.` });
  for (let n = 0; n < options.notes; n += 1) {
    const zone = zones[n % zones.length] ?? zones[0];
    if (!zone) throw new Error('template has zones');
    const hostile = HOSTILE_NOTES[n % 25];
    const text = hostile ?? `Notitie ${n} over ${zone.name}: we willen meer samen leren en elkaar beter kennen in de wijk.`;
    command(engine, id, {
      type: 'note.add',
      id: `${id}-n${n}`,
      zoneId: zone.id,
      text,
      x: zone.area.x + ((n * 37) % 200) - 100,
      y: zone.area.y + ((n * 53) % 240) - 120,
    });
  }
  for (const [index, zone] of zones.entries()) {
    const noteIds = Array.from({ length: 8 }, (_, k) => `${id}-n${index + k * zones.length}`).filter((_, k) => index + k * zones.length < options.notes);
    if (noteIds.length > 0) command(engine, id, { type: 'cluster.create', id: `${id}-k${index}`, title: `Thema ${zone.name}`, noteIds });
  }
  for (let p = 0; p < options.points; p += 1) {
    const zoneId = p % 5 === 4 ? null : (zones[p % zones.length]?.id ?? null);
    command(engine, id, { type: 'attention.add', id: `${id}-a${p}`, zoneId, title: `Aandachtspunt ${String(p).padStart(2, '0')} over monitoring` });
    for (let i = 0; i < 3; i += 1) command(engine, id, { type: 'ingredient.add', id: `${id}-a${p}-i${i}`, attentionPointId: `${id}-a${p}`, text: `Ingrediënt ${i} bij punt ${p}` });
  }
  command(engine, id, { type: 'settings.update', dotsPerParticipant: 10 });
  const phones = Array.from({ length: options.participants }, (_, i): Actor => ({ role: 'participant', participantId: `${id}-p${i}` }));
  for (const phone of phones) command(engine, id, { type: 'participant.join', id: phone.participantId, name: null }, phone);
  command(engine, id, { type: 'voting.open', open: true });
  let vote = 0;
  for (let p = 0; p < options.points; p += 1) {
    // Point p gets (p * 7) % 11 dots: a ranking with ties that differs from the order of adding.
    for (let d = 0; d < (p * 7) % 11; d += 1) {
      const phone = phones[vote % phones.length] as Actor;
      command(engine, id, { type: 'vote.cast', id: `${id}-v${vote}`, attentionPointId: `${id}-a${p}` }, phone);
      vote += 1;
    }
  }
  command(engine, id, { type: 'voting.reveal', revealed: true });
}

/** The text of a PDF as poppler reads it (what a person copying from it would get). */
export function pdfText(file: string, args: string[] = []): string {
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Whitespace and bidi marks differ between writer and reader; the characters themselves must not. */
export const squash = (text: string) => text.replace(/[\s\u200E\u200F\u202A-\u202E\u2066-\u2069]+/g, '');
