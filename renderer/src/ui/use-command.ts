import { useCallback } from 'react';
import { errorMessageKey, type MessageKey } from '../../../shared/i18n/messages';
import { type Ack, type CommandInput, HostError } from '../client';
import { useClient, useStoreApi } from './app-context';

export interface CommandOptions {
  /** A more precise text for some refusals (e.g. "nothing to redo"); null falls back to the catalogue. */
  messageFor?(error: HostError): MessageKey | null;
}

export type RunCommand = (stream: string, command: CommandInput, options?: CommandOptions) => Promise<Ack | null>;

/**
 * Sends a command and turns a refusal into a plain message on screen. Resolves to the ack, or null
 * when the host refused; a command waiting for the connection simply stays pending (nothing is lost).
 */
export function useCommand(): RunCommand {
  const client = useClient();
  const store = useStoreApi();
  return useCallback<RunCommand>(
    async (stream, command, options) => {
      try {
        return await client.send(stream, command);
      } catch (error) {
        const key =
          error instanceof HostError ? (options?.messageFor?.(error) ?? errorMessageKey(error.code, error.reason)) : 'error.internal';
        store.getState().showToast({ tone: 'error', key });
        if (!(error instanceof HostError)) console.error(error);
        return null;
      }
    },
    [client, store],
  );
}
