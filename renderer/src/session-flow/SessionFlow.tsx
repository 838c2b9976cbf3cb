import { type ReactNode, useState } from 'react';
import type { Id, SessionState } from '../../../shared/domain';
import type { RunCommand } from '../ui/use-command';
import { FlowPanel } from './facilitator/FlowPanel';
import { PhaseBar } from './facilitator/PhaseBar';
import { PhasesDialog } from './facilitator/PhasesDialog';
import { SetupDialog } from './setup/SetupDialog';
import './session-flow.css';
import './panel.css';
import './overview.css';
import './dialogs.css';

interface SessionFlowProps {
  sessionId: Id;
  session: SessionState;
  readOnly: boolean;
  run: RunCommand;
  /** The canvas and its toolbar: the flow puts the phase bar above and its panel beside them. */
  children: ReactNode;
}

/** Running the session around the canvas: the phase bar on top, the phase's tools on the right. */
export function SessionFlow({ sessionId, session, readOnly, run, children }: SessionFlowProps) {
  const [dialog, setDialog] = useState<'phases' | 'setup' | null>(null);
  const props = { sessionId, session, readOnly, run };
  return (
    <>
      <PhaseBar {...props} onPhases={() => setDialog('phases')} onSetup={() => setDialog('setup')} />
      <div className="flow-body">
        <div className="flow-main">{children}</div>
        <FlowPanel {...props} />
      </div>
      {dialog === 'phases' && <PhasesDialog sessionId={sessionId} session={session} run={run} onClose={() => setDialog(null)} />}
      {dialog === 'setup' && <SetupDialog {...props} onClose={() => setDialog(null)} />}
    </>
  );
}
