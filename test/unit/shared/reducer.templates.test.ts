import { describe, expect, it } from 'vitest';
import type { ModelTemplate, WorkspaceState } from '../../../shared/domain';
import { decodeBase64, isPictureDataUrl, PICTURE_DATA_URL_LIMIT, sniffPicture } from '../../../shared/picture';
import { WORKSPACE_COMMANDS } from '../../../shared/reducer';
import { CREATION_LEMNISCATE, LEMNISCATE_IK_WIJ_HET, resolveTemplate } from '../../../shared/templates';
import {
  accept,
  acceptFrozen,
  emptyState,
  expectRefused,
  expectWorkspaceRefused,
  FACILITATOR,
  PARTICIPANT,
  seededState,
  seededWorkspace,
  step,
  stepWorkspace,
  TINY_PNG,
} from './fixtures';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new Uint8Array([...text].map((char) => char.charCodeAt(0)));
const base64 = (text: string) => Buffer.from(text).toString('base64');
const SVG = `data:image/svg+xml;base64,${base64('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')}`;
const JPEG = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]).toString('base64')}`;

describe('pictures (shared/picture.ts)', () => {
  it('knows PNG, JPEG and SVG by their first bytes', () => {
    expect(sniffPicture(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffPicture(bytes(0xff, 0xd8, 0xff, 0xdb))).toBe('image/jpeg');
    expect(sniffPicture(ascii('  <svg viewBox="0 0 1 1"></svg>'))).toBe('image/svg+xml');
    expect(sniffPicture(ascii('\xEF\xBB\xBF<?xml version="1.0"?><!-- model --><!DOCTYPE svg><svg/>'))).toBe('image/svg+xml');
    expect(sniffPicture(ascii('<html><svg/></html>'))).toBeNull();
    expect(sniffPicture(ascii('GIF89a'))).toBeNull();
    expect(sniffPicture(bytes())).toBeNull();
  });

  it('decodes base64 exactly as Node does, and refuses what is not base64', () => {
    for (const sample of ['', 'a', 'ab', 'abc', 'Eiland van reflectie ∞']) {
      expect(Buffer.from(decodeBase64(base64(sample)) ?? [])).toEqual(Buffer.from(sample));
    }
    expect(decodeBase64('abc')).toBeNull();
    expect(decodeBase64('ab$=')).toBeNull();
  });

  it('accepts a data URL only when its bytes are what its type says', () => {
    expect(isPictureDataUrl(TINY_PNG)).toBe(true);
    expect(isPictureDataUrl(SVG)).toBe(true);
    expect(isPictureDataUrl(JPEG)).toBe(true);
    // A PNG calling itself JPEG, a script calling itself SVG, other types and broken URLs: refused.
    expect(isPictureDataUrl(TINY_PNG.replace('image/png', 'image/jpeg'))).toBe(false);
    expect(isPictureDataUrl(`data:image/svg+xml;base64,${base64('<script>alert(1)</script>')}`)).toBe(false);
    expect(isPictureDataUrl(`data:image/gif;base64,${base64('GIF89a')}`)).toBe(false);
    expect(isPictureDataUrl('data:image/png;base64,not base64')).toBe(false);
    expect(isPictureDataUrl('https://example.org/model.png')).toBe(false);
    expect(isPictureDataUrl(`${TINY_PNG}${'A'.repeat(PICTURE_DATA_URL_LIMIT)}`)).toBe(false);
  });
});

describe('zone.area', () => {
  it('moves and resizes one zone and leaves its notes on their side', () => {
    const outcome = acceptFrozen(seededState(), { type: 'zone.area', id: 'wij', x: 380, y: 520, rx: 260, ry: 230 });
    const zones = outcome.state.template.zones;
    expect(zones.find((zone) => zone.id === 'wij')?.area).toEqual({ x: 380, y: 520, rx: 260, ry: 230 });
    expect(zones.find((zone) => zone.id === 'het')?.area).toEqual(LEMNISCATE_IK_WIJ_HET.zones[2]?.area);
    expect(outcome.state.notes.n1?.zoneId).toBe('wij');
    expect(outcome.undoable).toBe(true);
    expect(outcome.changes.map((change) => change.key)).toEqual(['template']);
  });

  it('refuses an unknown zone, a tiny or endless area, and anyone but the facilitator', () => {
    expectRefused(emptyState(), { type: 'zone.area', id: 'zij', x: 1, y: 1, rx: 100, ry: 100 }, FACILITATOR, 'rule_violation', 'unknown_zone');
    expectRefused(emptyState(), { type: 'zone.area', id: 'wij', x: 1, y: 1, rx: 5, ry: 100 }, FACILITATOR, 'invalid_payload');
    expectRefused(emptyState(), { type: 'zone.area', id: 'wij', x: 1, y: 1, rx: 100, ry: Number.POSITIVE_INFINITY }, FACILITATOR, 'invalid_payload');
    expectRefused(emptyState(), { type: 'zone.area', id: 'wij', x: 1, y: 1 }, FACILITATOR, 'invalid_payload');
    expectRefused(emptyState(), { type: 'zone.area', id: 'wij', x: 1, y: 1, rx: 100, ry: 100 }, PARTICIPANT, 'forbidden');
  });
});

describe('template.background', () => {
  it('puts a picture behind the zones and takes it away again', () => {
    const withPicture = acceptFrozen(emptyState(), { type: 'template.background', background: SVG });
    expect(withPicture.state.template.background).toBe(SVG);
    expect(withPicture.state.template.zones).toEqual(emptyState().template.zones);
    expect(withPicture.undoable).toBe(true);
    expect(step(withPicture.state, { type: 'template.background', background: null }).template.background).toBeNull();
  });

  it('refuses what is not a real picture, and anyone but the facilitator', () => {
    const fake = `data:image/png;base64,${base64('<svg/>')}`;
    expectRefused(emptyState(), { type: 'template.background', background: fake }, FACILITATOR, 'invalid_payload');
    expectRefused(emptyState(), { type: 'template.background', background: 'javascript:alert(1)' }, FACILITATOR, 'invalid_payload');
    expectRefused(emptyState(), { type: 'template.background', background: TINY_PNG }, PARTICIPANT, 'forbidden');
  });
});

const OWN: ModelTemplate = { ...CREATION_LEMNISCATE, id: 'eigen-creatie', name: 'Creatie met ons plaatje', background: TINY_PNG };

describe('programme.template.save', () => {
  const save = (workspace: WorkspaceState, template: ModelTemplate = OWN) =>
    acceptFrozen(workspace, { type: 'programme.template.save', programmeId: 'prog1', template }, FACILITATOR, undefined, WORKSPACE_COMMANDS);

  it('keeps a template with the programme, and replaces it when saved again under its id', () => {
    const first = save(seededWorkspace());
    expect(first.state.programmes.prog1?.templates).toEqual([OWN]);
    expect(first.state.programmes.prog1?.name).toBe('Alliantie tegen armoede');
    const renamed = { ...OWN, name: 'Tweede versie' };
    const other = { ...OWN, id: 'nog-een' };
    const again = save(save(first.state, other).state, renamed);
    expect(again.state.programmes.prog1?.templates?.map((template) => template.name)).toEqual(['Tweede versie', 'Creatie met ons plaatje']);
  });

  it('lets a new session start from a saved template, in the same or another programme', () => {
    const workspace = save(seededWorkspace()).state;
    expect(resolveTemplate(workspace, 'eigen-creatie')).toEqual(OWN);
    expect(resolveTemplate(workspace, 'lemniscaat-ik-wij-het')).toBe(LEMNISCATE_IK_WIJ_HET);
    expect(resolveTemplate(workspace, 'onbekend')).toBeUndefined();
    const created = stepWorkspace(workspace, {
      type: 'session.create',
      id: 's2',
      templateId: 'eigen-creatie',
      programmeId: null,
      title: 'Stuurgroep',
      group: 'Stuurgroep',
      date: '2025-06-01',
    });
    expect(created.sessions.s2?.title).toBe('Stuurgroep');
  });

  it('refuses a built-in id, an unknown programme, broken zones and a fake picture', () => {
    const refuse = (command: Record<string, unknown>, code: 'rule_violation' | 'not_found' | 'invalid_payload', reason?: 'duplicate_id') =>
      expectWorkspaceRefused(seededWorkspace(), { type: 'programme.template.save', programmeId: 'prog1', template: OWN, ...command }, FACILITATOR, code, reason);
    refuse({ template: { ...OWN, id: 'creatielemniscaat' } }, 'rule_violation', 'duplicate_id');
    refuse({ programmeId: 'ghost' }, 'not_found');
    refuse({ template: { ...OWN, zones: [] } }, 'invalid_payload');
    refuse({ template: { ...OWN, zones: [OWN.zones[0], OWN.zones[0]] } }, 'invalid_payload');
    refuse({ template: { ...OWN, figure: 'circle' } }, 'invalid_payload');
    refuse({ template: { ...OWN, background: 'data:image/png;base64,AAAA' } }, 'invalid_payload');
    refuse({ template: { ...OWN, extra: true } }, 'invalid_payload');
    expectWorkspaceRefused(seededWorkspace(), { type: 'programme.template.save', programmeId: 'prog1', template: OWN }, PARTICIPANT, 'forbidden');
  });

  it('still refuses a session on a template nobody saved', () => {
    const command = { type: 'session.create', id: 's2', templateId: 'eigen-creatie', programmeId: null, title: 'X', group: '', date: '2025-06-01' };
    expectWorkspaceRefused(seededWorkspace(), command, FACILITATOR, 'rule_violation', 'unknown_template');
    expect(accept(save(seededWorkspace()).state, command, FACILITATOR, undefined, WORKSPACE_COMMANDS).ok).toBe(true);
  });
});
