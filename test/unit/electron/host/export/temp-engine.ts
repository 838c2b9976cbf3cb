import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { EventStore } from '../../../../../electron/host/db/event-store';
import { openDatabase } from '../../../../../electron/host/db/open';
import { Engine, type Subscriber } from '../../../../../electron/host/engine';
import type { Actor } from '../../../../../shared/domain';
import type { HostMessage } from '../../../../../shared/protocol';

/** A real engine on a real SQLite file in a temp folder; `reopen` reads it back from disk. */
export interface TempEngine {
  engine: Engine;
  db: Database.Database;
  dir: string;
  reopen(): TempEngine;
  cleanup(): void;
}

export function tempEngine(dir = mkdtempSync(join(tmpdir(), 'eiland-export-'))): TempEngine {
  const { db } = openDatabase(dir);
  const engine = new Engine(new EventStore(db));
  const opened: TempEngine = {
    engine,
    db,
    dir,
    reopen() {
      db.close();
      return tempEngine(dir);
    },
    cleanup() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return opened;
}

/** A facilitator window that only listens, to see what the engine broadcasts. */
export function listener(): Subscriber & { messages: HostMessage[] } {
  const messages: HostMessage[] = [];
  return { actor: { role: 'facilitator', participantId: null }, messages, send: (message) => messages.push(message) };
}

let counter = 0;
/** Sends a command (the facilitator's, unless another actor is named) and fails the test when the engine refuses it. */
export function send(engine: Engine, stream: string, command: Record<string, unknown> & { type: string }, actor: Actor = { role: 'facilitator', participantId: null }): void {
  const reply = engine.handle({ t: 'command', id: `t-${++counter}-${Date.now()}`, stream, command }, actor);
  if (reply.t === 'error') throw new Error(`${command.type}: ${reply.message}`);
}
