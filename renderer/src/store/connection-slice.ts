import type { Role } from '../../../shared/domain';
import type { ConnectionState } from '../client';
import type { SliceCreator } from './types';

export interface ConnectionSlice {
  connection: ConnectionState;
  /** Commands sent but not yet confirmed by the host: shown so the user knows nothing is lost. */
  pendingCommands: number;
  role: Role | null;
  /** The host's clock minus this window's, from the last welcome: timers show host time everywhere. */
  clockOffset: number;
  /** The host opened its database read-only (from its welcome): a banner says so. */
  readOnly: boolean;
  setReadOnly(readOnly: boolean): void;
  setConnection(connection: ConnectionState, pendingCommands: number, role: Role | null): void;
  setClockOffset(clockOffset: number): void;
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (set) => ({
  connection: 'connecting',
  pendingCommands: 0,
  role: null,
  clockOffset: 0,
  readOnly: false,
  setReadOnly: (readOnly) => set({ readOnly }),
  setConnection: (connection, pendingCommands, role) => set({ connection, pendingCommands, role }),
  setClockOffset: (clockOffset) => set({ clockOffset }),
});
