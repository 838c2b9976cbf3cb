import type { Actor, SessionMeta, SessionState, WorkspaceState } from '../../../../shared/domain';
import { applyCommand, type CommandInput, SESSION_COMMANDS } from '../../../../shared/reducer';
import { createSessionState } from '../../../../shared/session-factory';
import { LEMNISCATE_IK_WIJ_HET } from '../../../../shared/templates';

/**
 * Builds session states the way a session does: every change is a real command through the one
 * reducer, so the report is tested on states a host could actually hold.
 */
export const FACILITATOR: Actor = { role: 'facilitator', participantId: null };
export const participant = (id: string): Actor => ({ role: 'participant', participantId: id });

export function meta(overrides: Partial<SessionMeta> = {}): SessionMeta {
  return {
    id: 's1',
    programmeId: 'prog',
    title: 'Eiland van reflectie programmateam',
    group: 'Programmateam',
    date: '2024-06-02',
    facilitator: 'Lauren Algra',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    archived: false,
    ...overrides,
  };
}

export class StateBuilder {
  state: SessionState;
  private clock = 1_700_000_000_000;
  /** The programme's records that session commands read (themes for theme.link). */
  workspace: WorkspaceState | undefined;

  constructor(overrides: Partial<SessionMeta> = {}) {
    this.state = createSessionState(meta(overrides), LEMNISCATE_IK_WIJ_HET);
  }

  run(command: CommandInput, actor: Actor = FACILITATOR): this {
    this.clock += 1000;
    const outcome = applyCommand(SESSION_COMMANDS, this.state, command, { actor, now: this.clock, ...(this.workspace ? { workspace: this.workspace } : {}) });
    if (!outcome.ok) throw new Error(`${command.type} refused: ${outcome.message}`);
    this.state = outcome.state;
    return this;
  }

  note(id: string, zoneId: string, text: string, extra: Record<string, unknown> = {}): this {
    return this.run({ type: 'note.add', id, zoneId, text, ...extra });
  }

  point(id: string, zoneId: string | null, title: string, extra: Record<string, unknown> = {}): this {
    return this.run({ type: 'attention.add', id, zoneId, title, ...extra });
  }

  join(...ids: string[]): this {
    for (const id of ids) this.run({ type: 'participant.join', id, name: null }, participant(id));
    return this;
  }

  /** Opens voting, casts the given dots ([participant, point] pairs) and reveals the result. */
  vote(dots: [string, string][]): this {
    this.run({ type: 'voting.open', open: true });
    for (const [index, [who, pointId]] of dots.entries()) this.run({ type: 'vote.cast', id: `v${index}-${who}`, attentionPointId: pointId }, participant(who));
    return this.run({ type: 'voting.reveal', revealed: true });
  }
}
