import type { SessionState } from '../../../../shared/domain';
import { useT } from '../../ui/i18n';
import { phaseLabel, zoneOf } from '../labels';
import { currentPhase } from '../phases';
import { GroupSuggestions } from './GroupSuggestions';
import { Overview } from './Overview';
import { AttentionEditor, IngredientsEditor } from './PointEditors';
import { type EditorProps, ObservationEditor, OtherPointsEditor, RevealControls } from './SideEditors';
import { VotingControls } from './VotingControls';
import { ReviewPanel } from '../../review/ReviewPanel';

/** What the facilitator needs in this phase, beside the canvas; the overview stays underneath. */
export function FlowPanel(props: EditorProps) {
  const t = useT();
  const { session } = props;
  const phase = currentPhase(session.flow);
  const zone = zoneOf(phase, session.template.zones);
  return (
    // tabIndex: the panel scrolls, so keyboard users must be able to focus it to scroll it (WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region is the documented exception.
    <aside className="flow-panel" tabIndex={0} aria-label={t('flow.panel')} data-testid="flow-panel" data-kind={phase?.kind ?? ''} data-phase={phase?.id ?? ''}>
      <header className="flow-head">
        <p className="flow-eyebrow">{phase ? phaseLabel(t, phase, session.template.zones) : t('flow.notStarted')}</p>
        {zone?.question && <p className="flow-question">{zone.question}</p>}
      </header>
      <PhaseTools {...props} />
      <RevealControls {...props} zoneId={phase?.zoneId ?? null} />
      <Overview {...props} />
    </aside>
  );
}

function PhaseTools(props: EditorProps) {
  const t = useT();
  const { session } = props;
  const phase = currentPhase(session.flow);
  if (!phase) return <p className="flow-hint flow-section">{t('flow.startHint')}</p>;
  const zoneId = phase.zoneId;
  const zones = zoneId ? session.template.zones.filter((zone) => zone.id === zoneId) : session.template.zones;
  switch (phase.kind) {
    case 'review':
      return <ReviewPanel {...props} />;
    case 'checkin':
      return <p className="flow-hint flow-section">{t('flow.checkinHint')}</p>;
    case 'observation':
      return <ObservationEditor {...props} zones={zones} />;
    case 'notes':
      return <p className="flow-hint flow-section">{t('flow.notesHint')}</p>;
    case 'clustering':
      return (
        <>
          <p className="flow-hint flow-section">{t('flow.clusteringHint')}</p>
          <GroupSuggestions {...props} zoneId={zoneId} />
        </>
      );
    case 'attention':
      return <AttentionEditor {...props} zoneId={zoneId} />;
    case 'voting':
      return <VotingControls {...props} scope={zoneId} />;
    case 'ingredients':
      return <IngredientsEditor {...props} />;
    case 'other':
      return <OtherPointsEditor {...props} zoneId={zoneId} />;
    case 'closing':
      return <ClosingSummary session={session} />;
  }
}

function ClosingSummary({ session }: { session: SessionState }) {
  const t = useT();
  const chosen = Object.values(session.attentionPoints).filter((point) => point.chosen);
  const ingredients = Object.values(session.ingredients).filter((item) => chosen.some((point) => point.id === item.attentionPointId));
  return (
    <section className="flow-section" data-testid="closing-summary">
      <p className="flow-hint">{t('flow.closingHint')}</p>
      <p>{t('flow.closingCounts', { points: chosen.length, ingredients: ingredients.length, others: Object.keys(session.otherPoints).length })}</p>
    </section>
  );
}
