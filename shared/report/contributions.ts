import type { SessionState } from '../domain';
import type { Translate } from './format';
import { reportedNotes, sideNoteGroups, sidesInOrder } from './session-report';
import type { ReportBlock } from './types';

/**
 * What a session brought in, for the programme report: every note the group saw, per side in the
 * order the session ran them, in its cluster, then those in no cluster under "{side}: zonder
 * thema" (a theme's zone: under the theme's name). Nothing said in a session is left out of the summary the partners get.
 */
export function contributionGroups(state: SessionState, t: Translate): ReportBlock[] {
  const notes = reportedNotes(state);
  return sidesInOrder(state).flatMap((zone) =>
    sideNoteGroups(
      state,
      zone,
      notes.filter((note) => note.zoneId === zone.id),
      // A zone of the whole session is named after its theme already: its loose notes go under that name.
      zone.whole ? zone.name : t('report.programme.unclustered', { side: zone.name }),
    ),
  );
}
