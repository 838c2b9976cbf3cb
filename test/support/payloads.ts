import type { CommandInput } from '../../shared/reducer';
import { LEMNISCATE_IK_WIJ_HET } from '../../shared/templates';

/**
 * A valid payload for every registered command, so that a test can be sure that only the role
 * check (or whatever it is testing) refuses it. The ids name entities the test has created first;
 * `fresh` makes new ids unique. Deletions get their own entity, so the facilitator can prove a
 * payload valid by sending it for real without breaking the payloads after it.
 */
export interface PayloadFixture {
  fresh: string;
  zoneId: string;
  noteId: string;
  deletableNoteId: string;
  clusterId: string;
  deletableClusterId: string;
  attentionPointId: string;
  deletableAttentionPointId: string;
  ingredientId: string;
  deletableIngredientId: string;
  deletableOtherPointId: string;
  voteId: string;
  participantId: string;
  /** A second join of the same person, merged into participantId by participant.merge. */
  duplicateParticipantId: string;
  phaseId: string;
  programmeId: string;
  sessionId: string;
  deletableSession: { id: string; title: string };
  deletableProgramme: { id: string; name: string };
  /** An action of the programme, made in an earlier session, on this session's review agenda. */
  actionId: string;
  deletableActionId: string;
  /** The earlier session and an ingredient of it that is no action yet (for action.create). */
  actionSessionId: string;
  actionIngredientId: string;
  /** A theme of the programme (theme.link from the session, theme.rename and its text), and one to delete. */
  themeId: string;
  deletableThemeId: string;
}

export const TEMPLATE_ID = 'lemniscaat-ik-wij-het';

export const sessionCreate = (id: string, title = 'Reliability', programmeId: string | null = null): CommandInput => ({
  type: 'session.create',
  id,
  programmeId,
  title,
  group: 'Programmateam',
  date: '2024-06-02',
  templateId: TEMPLATE_ID,
});

export function sessionPayloads(f: PayloadFixture): Record<string, CommandInput> {
  return {
    'note.add': { type: 'note.add', id: `n-${f.fresh}`, zoneId: f.zoneId, text: 'Een geldige notitie' },
    'note.edit': { type: 'note.edit', id: f.noteId, text: 'Bewerkte notitie' },
    'note.move': { type: 'note.move', moves: [{ id: f.noteId, x: 800, y: 500 }] },
    'note.recolor': { type: 'note.recolor', ids: [f.noteId], color: '#E69F00' },
    'notes.tidy': { type: 'notes.tidy', zoneId: f.zoneId },
    'note.approve': { type: 'note.approve', ids: [f.noteId] },
    'note.delete': { type: 'note.delete', ids: [f.deletableNoteId] },
    'cluster.create': { type: 'cluster.create', id: `c-${f.fresh}`, title: 'Samen', noteIds: [f.noteId] },
    'cluster.rename': { type: 'cluster.rename', id: f.clusterId, title: 'Hernoemd cluster' },
    'cluster.move': { type: 'cluster.move', id: f.clusterId, x: 700, y: 420 },
    'cluster.ungroup': { type: 'cluster.ungroup', id: f.deletableClusterId },
    'attention.add': { type: 'attention.add', id: `a-${f.fresh}`, zoneId: f.zoneId, title: 'Aandachtspunt' },
    'attention.edit': { type: 'attention.edit', id: f.attentionPointId, title: 'Bijgewerkt punt', chosen: true },
    'attention.link': { type: 'attention.link', id: f.attentionPointId, themeKey: 'samen-leren' },
    'attention.delete': { type: 'attention.delete', id: f.deletableAttentionPointId },
    'ingredient.add': { type: 'ingredient.add', id: `i-${f.fresh}`, attentionPointId: f.attentionPointId, text: 'Ingrediënt' },
    'ingredient.edit': { type: 'ingredient.edit', id: f.ingredientId, text: 'Bewerkt ingrediënt' },
    'ingredient.delete': { type: 'ingredient.delete', id: f.deletableIngredientId },
    'other.add': { type: 'other.add', id: `o-${f.fresh}`, zoneId: f.zoneId, text: 'Ook genoemd' },
    'other.delete': { type: 'other.delete', id: f.deletableOtherPointId },
    'observation.set': { type: 'observation.set', zoneId: f.zoneId, text: 'Dit gaat goed' },
    'vote.cast': { type: 'vote.cast', id: `v-${f.fresh}`, attentionPointId: f.attentionPointId },
    'vote.retract': { type: 'vote.retract', id: f.voteId },
    'voting.open': { type: 'voting.open', open: true },
    'voting.reveal': { type: 'voting.reveal', revealed: false },
    'votes.clear': { type: 'votes.clear' },
    'phase.set': { type: 'phase.set', phaseId: f.phaseId },
    'phases.configure': {
      type: 'phases.configure',
      phases: [
        { id: f.phaseId, kind: 'checkin', zoneId: null },
        { id: `notes-${f.zoneId}`, kind: 'notes', zoneId: f.zoneId },
      ],
    },
    'notes.reveal': { type: 'notes.reveal', zoneId: f.zoneId, revealed: true },
    'focus.set': { type: 'focus.set', zoneId: f.zoneId },
    'timer.control': { type: 'timer.control', action: 'set', durationMs: 5 * 60_000 },
    'settings.update': { type: 'settings.update', hideNotesUntilReveal: false },
    'meta.update': { type: 'meta.update', group: 'Stuurgroep' },
    'zone.update': { type: 'zone.update', id: f.zoneId, name: 'IK' },
    'zone.area': { type: 'zone.area', id: f.zoneId, x: 800, y: 500, rx: 120, ry: 200 },
    'template.background': { type: 'template.background', background: null },
    'participant.join': { type: 'participant.join', id: f.participantId, name: null },
    'participant.merge': { type: 'participant.merge', duplicateId: f.duplicateParticipantId, intoId: f.participantId },
    'review.begin': { type: 'review.begin' },
    'review.show': { type: 'review.show', actionId: f.actionId },
    'review.set': { type: 'review.set', actionId: f.actionId, status: 'ongoing', note: 'Loopt nog' },
    'review.react': { type: 'review.react', id: `r-${f.fresh}`, actionId: f.actionId, thumb: 'up', text: '' },
    'theme.link': { type: 'theme.link', target: 'point', id: f.attentionPointId, themeId: f.themeId },
    'theme.unlink': { type: 'theme.unlink', target: 'point', id: f.attentionPointId },
    'zones.arrange': { type: 'zones.arrange', mode: 'both', themeIds: [] },
  };
}

export function workspacePayloads(f: PayloadFixture): Record<string, CommandInput> {
  return {
    'programme.create': { type: 'programme.create', id: `prog-${f.fresh}`, name: 'Programma' },
    'programme.rename': { type: 'programme.rename', id: f.programmeId, name: 'Hernoemd programma' },
    'theme.create': { type: 'theme.create', id: `th-${f.fresh}`, programmeId: f.programmeId, title: 'Samen leren' },
    'theme.rename': { type: 'theme.rename', id: f.themeId, title: 'Samen handen en voeten geven aan een visie' },
    'theme.summary.set': { type: 'theme.summary.set', id: f.themeId, text: 'Wat de groepen zeiden.' },
    'theme.delete': { type: 'theme.delete', id: f.deletableThemeId },
    'programme.introduction.set': { type: 'programme.introduction.set', programmeId: f.programmeId, text: 'Drie groepen keken terug.' },
    'programme.archive': { type: 'programme.archive', id: f.programmeId, archived: true },
    'programme.delete': { type: 'programme.delete', id: f.deletableProgramme.id, confirmName: f.deletableProgramme.name },
    'session.create': sessionCreate(`s-${f.fresh}`, 'Nieuwe sessie'),
    'session.duplicate': { type: 'session.duplicate', id: `sd-${f.fresh}`, sourceId: f.sessionId, title: 'Kopie', date: '2024-07-01' },
    'session.rename': { type: 'session.rename', id: f.sessionId, title: 'Hernoemde sessie' },
    'programme.template.save': {
      type: 'programme.template.save',
      programmeId: f.programmeId,
      template: { ...LEMNISCATE_IK_WIJ_HET, id: `t-${f.fresh}`, name: 'Eigen model' },
    },
    'session.programme': { type: 'session.programme', id: f.sessionId, programmeId: f.programmeId },
    'session.archive': { type: 'session.archive', id: f.sessionId, archived: false },
    'session.delete': { type: 'session.delete', id: f.deletableSession.id, confirmTitle: f.deletableSession.title },
    'action.create': { type: 'action.create', id: `act-${f.fresh}`, programmeId: f.programmeId, sessionId: f.actionSessionId, ingredientId: f.actionIngredientId, owner: 'Anna', due: '2024-09-01' },
    'action.update': { type: 'action.update', id: f.actionId, owner: 'Bram', status: 'ongoing' },
    'action.delete': { type: 'action.delete', id: f.deletableActionId },
  };
}

/** The facilitator's undo and redo are handled by the engine, not the reducer; they take no fields. */
export const HISTORY_PAYLOADS: Record<string, CommandInput> = {
  'history.undo': { type: 'history.undo' },
  'history.redo': { type: 'history.redo' },
};
