import { describe, expect, it } from 'vitest';
import type { SessionState, Theme } from '../../../../shared/domain';
import { buildSessionReport } from '../../../../shared/report/session-report';
import type { PointBlock } from '../../../../shared/report/types';
import { StateBuilder } from './build-state';

const THEME: Theme = { id: 'th-visie', programmeId: 'prog', title: 'Samen handen en voeten geven aan een visie', summary: '', createdAt: 1, updatedAt: 1 } as Theme;

/** Two points of WIJ linked to a programme theme by hand (theme.link sets themeId); one has ingredients. */
function linked(): SessionState {
  const state = new StateBuilder()
    .point('p1', 'wij', 'Visie eigen maken in alle organisaties')
    .point('p2', 'wij', 'Visie vertalen naar de praktijk')
    .run({ type: 'ingredient.add', id: 'i1', attentionPointId: 'p1', text: 'Visie bespreken in elk team' }).state;
  const withTheme = (id: string) => ({ ...(state.attentionPoints[id] as SessionState['attentionPoints'][string]), themeId: THEME.id });
  return { ...state, attentionPoints: { ...state.attentionPoints, p1: withTheme('p1'), p2: withTheme('p2') } };
}

const points = (state: SessionState, themes: readonly Theme[]) =>
  buildSessionReport(state, { locale: 'nl', programmeName: 'AVK', themes }).blocks.filter((block): block is PointBlock => block.kind === 'point');

describe('a point linked to a programme theme, in the session report', () => {
  it('heads its ingredients with the theme’s name, and labels a point without ingredients with it', () => {
    const [first, second] = points(linked(), [THEME]);
    expect(first).toMatchObject({ title: 'Visie eigen maken in alle organisaties', ingredientsTheme: THEME.title, themeLabel: null, ingredientsHeading: 'Dit zijn de ingrediënten' });
    expect(second).toMatchObject({ title: 'Visie vertalen naar de praktijk', ingredientsTheme: null, themeLabel: `Thema: ${THEME.title}` });
  });

  it('names no theme when the theme is gone (deleted), as the link then reads as none', () => {
    for (const block of points(linked(), [])) expect(block).toMatchObject({ ingredientsTheme: null, themeLabel: null });
  });
});
