import type { Actor } from '../../shared/domain';
import type { CommandMessage, HostMessage } from '../../shared/protocol';
import type { Engine } from './engine';

export type CommandResult = { reply: HostMessage } | { error: unknown };

interface Waiting {
  message: CommandMessage;
  actor: Actor;
  answer(result: CommandResult): void;
}

/**
 * Commands from the sockets, committed in groups. What arrives while the loop is busy (with the
 * previous commit's fsync, say) is handled as one group in one transaction (Engine.handleGroup), so
 * 250 phones casting their dots at once cost a few fsyncs instead of 1,250. There is no fixed wait:
 * a lone command is handled at the end of the loop turn it arrived in, and its acknowledgement is
 * sent only after the transaction that holds it has committed, as before.
 */
export class CommandQueue {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly engine: Engine) {}

  submit(message: CommandMessage, actor: Actor, answer: (result: CommandResult) => void): void {
    this.waiting.push({ message, actor, answer });
    if (this.scheduled) return;
    this.scheduled = true;
    // After the I/O callbacks of this turn: every frame read in it joins the group.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const group = this.waiting;
    this.waiting = [];
    if (group.length === 1) {
      const [only] = group as [Waiting];
      let result: CommandResult;
      try {
        result = { reply: this.engine.handle(only.message, only.actor) };
      } catch (error) {
        result = { error };
      }
      only.answer(result);
      return;
    }
    const outcomes = this.engine.handleGroup(group);
    for (const [index, outcome] of outcomes.entries()) {
      const waiting = group[index] as Waiting;
      if ('error' in outcome) {
        waiting.answer(outcome);
        continue;
      }
      for (const effect of outcome.effects) effect();
      waiting.answer({ reply: outcome.reply });
    }
  }
}
