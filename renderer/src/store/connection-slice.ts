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
  setConnection(connection: ConnectionState, pendingCommands: number, role: Role | null): void;
  setClockOffset(clockOffset: number): void;
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (set) => ({
  connection: 'connecting',
  pendingCommands: 0,
  role: null,
  clockOffset: 0,
  setConnection: (connection, pendingCommands, role) => set({ connection, pendingCommands, role }),
  setClockOffset: (clockOffset) => set({ clockOffset }),
});
