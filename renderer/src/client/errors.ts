import type { ErrorCode, RuleReason } from '../../../shared/protocol';

/** A command the host refused. `message` is English for logs; the UI shows text by `code`/`reason`. */
export class HostError extends Error {
  override readonly name = 'HostError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: RuleReason,
  ) {
    super(message);
  }
}

/** The client was stopped before the host answered; the command may or may not have been applied. */
export class ClientStoppedError extends Error {
  override readonly name = 'ClientStoppedError';
}
