import { describe, expect, it } from 'vitest';
import { modelAlt } from '../../../../shared/report/figure-alt';
import { modelFigure } from '../../../../shared/report/model-figure';
import { translator } from '../../../../shared/report/format';
import { buildSessionReport, reportedNotes } from '../../../../shared/report/session-report';
import { StateBuilder } from './build-state';

/** Two themes on HET (the lower one first on the canvas reads second), one lone note on WIJ, IK empty. */
function session() {
  return new StateBuilder()
    .note('n1', 'het', 'Lerend evalueren', { x: 1500, y: 700 })
    .note('n2', 'het', 'Wat werkt waar?', { x: 1500, y: 300 })
    .note('n3', 'het', 'Per partner één aanspreekpunt', { x: 1750, y: 950 })
    .note('n4', 'wij', 'Samen leren')
    .run({ type: 'cluster.create', id: 'k1', title: 'Zicht op wat werkt', noteIds: ['n1'], x: 1500, y: 600 })
    .run({ type: 'cluster.create', id: 'k2', title: 'Aanspreekpunten', noteIds: ['n3'], x: 1700, y: 850 })
    .run({ type: 'cluster.create', id: 'k0', title: 'Bovenaan', noteIds: ['n2'], x: 1500, y: 200 }).state;
}

describe('the model figure in words', () => {
  it('names the model, then each side with its notes and its themes in reading order', () => {
    const state = session();
    expect(modelAlt(state, reportedNotes(state), translator('nl'))).toBe(
      'Tekening van het model Lemniscaat IK · WIJ · HET aan het eind van de sessie. ' +
        'WIJ-kant: 1 notitie, geen thema’s. ' +
        'IK-kant: 0 notities, geen thema’s. ' +
        'HET-kant: 3 notities, 3 thema’s: Bovenaan; Zicht op wat werkt; Aanspreekpunten.',
    );
  });

  it('counts each side under the drawing, one note as one', () => {
    const state = session();
    const legend = modelFigure(state, reportedNotes(state), translator('nl')).legend.map((entry) => `${entry.name}: ${entry.count}`);
    expect(legend).toEqual(['WIJ-kant: 1 notitie', 'IK-kant: 0 notities', 'HET-kant: 3 notities']);
  });

  it('says it in English for an English report, with one theme as one', () => {
    const state = new StateBuilder().note('n1', 'ik', 'Eigen drive').run({ type: 'cluster.create', id: 'k1', title: 'Drive', noteIds: ['n1'] }).state;
    const alt = modelAlt(state, reportedNotes(state), translator('en'));
    expect(alt).toContain('Drawing of the model ');
    expect(alt).toContain('IK-kant: 1 note, 1 theme: Drive.');
    expect(alt).toContain('WIJ-kant: 0 notes, no themes.');
  });

  it('counts only the notes the report shows, and names a theme without a title as such', () => {
    const built = session();
    const state = { ...built, clusters: { ...built.clusters, k2: { ...(built.clusters.k2 as (typeof built.clusters)[string]), title: '  ' } } };
    const alt = modelAlt(state, reportedNotes(state).slice(1), translator('nl'));
    expect(alt).toContain('HET-kant: 2 notities, 3 thema’s: Bovenaan; Zicht op wat werkt; zonder naam.');
  });

  it('is the session report’s alternative text for the model', () => {
    const state = session();
    const report = buildSessionReport(state, { locale: 'nl', programmeName: null });
    const model = report.blocks.find((block) => block.kind === 'model');
    expect(model?.kind === 'model' && model.alt).toBe(modelAlt(state, reportedNotes(state), translator('nl')));
  });
});
