import { randomBytes } from 'node:crypto';
import { DEMO_PROGRAMME_ID, DEMO_SESSIONS, type DemoStep, demoProgrammeSteps, demoSessionId, demoSessionSteps } from '../../../shared/demo/script';
import type { Engine } from '../engine';

export interface DemoResult {
  programmeId: string;
  sessionIds: string[];
  /** The sessions made now; empty when the demo was there already. */
  created: string[];
}

function run(engine: Engine, steps: readonly DemoStep[]): void {
  // Command ids are unique per run: a demo session that was deleted can be made again, while its
  // old creation event (same fixed step id) is still in the workspace's log.
  const run = randomBytes(4).toString('hex');
  for (const step of steps) {
    const reply = engine.handle({ t: 'command', id: `${step.id}.${run}`, stream: step.stream, command: step.command }, step.actor);
    // An action settled on this laptop already (its demo session deleted and made again) is not
    // on the new session's review: that decision is simply not taken again.
    if (reply.t === 'error' && reply.reason === 'not_on_agenda') continue;
    // The demo is data of this program: a refusal is a bug in it, never the user's doing.
    if (reply.t === 'error') throw new Error(`Demo step ${step.id} (${step.command.type}) was refused: ${reply.message}`);
  }
}

/**
 * Makes the demo programme "Alliantie van Kracht tegen Armoede" with its three sessions by sending
 * the demo's commands through the engine, as a facilitator and phones would. What exists already
 * (same fixed ids) is left alone, so asking twice never makes a second copy.
 */
export function createDemo(engine: Engine): DemoResult {
  if (!engine.workspace.programmes[DEMO_PROGRAMME_ID]) run(engine, demoProgrammeSteps());
  const created: string[] = [];
  for (const session of DEMO_SESSIONS) {
    const id = demoSessionId(session.key);
    if (engine.workspace.sessions[id]) continue;
    run(engine, demoSessionSteps(session));
    created.push(id);
  }
  return { programmeId: DEMO_PROGRAMME_ID, sessionIds: DEMO_SESSIONS.map((session) => demoSessionId(session.key)), created };
}
