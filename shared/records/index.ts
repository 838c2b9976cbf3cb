import type { Id } from './basics';
import { archiveColumns, type RecordDefinition, type ValueOf } from './define';
import { actionRecord } from './action';
import { actionReactionRecord } from './action-reaction';
import { actionReviewRecord } from './action-review';
import { attentionPointRecord } from './attention-point';
import { clusterRecord } from './cluster';
import { flowRecord } from './flow';
import { ingredientRecord } from './ingredient';
import { noteRecord } from './note';
import { observationRecord } from './observation';
import { otherPointRecord } from './other-point';
import { participantRecord } from './participant';
import { programmeRecord } from './programme';
import { sessionEntryRecord, sessionMetaRecord } from './session-meta';
import { settingsRecord } from './settings';
import { templateRecord } from './template';
import { themeRecord } from './theme';
import { timerRecord } from './timer';
import { voteRecord } from './vote';

/**
 * Every stored record type. A new one is declared in its own file and listed here; the state types,
 * key lists, redaction, archive tables and merging follow from the list.
 */
export const WORKSPACE_RECORDS = [programmeRecord, sessionEntryRecord, actionRecord, themeRecord] as const;
export const SESSION_RECORDS = [
  sessionMetaRecord,
  settingsRecord,
  templateRecord,
  flowRecord,
  timerRecord,
  noteRecord,
  clusterRecord,
  attentionPointRecord,
  ingredientRecord,
  otherPointRecord,
  observationRecord,
  voteRecord,
  participantRecord,
  actionReviewRecord,
  actionReactionRecord,
] as const;

type Definitions = readonly RecordDefinition<string, object, boolean>[];

/** The state a list of records makes: singletons as fields, collections as id-keyed records. */
export type StateOf<Rs extends Definitions> = {
  [R in Rs[number] as R['key']]: R['singleton'] extends true ? ValueOf<R> : Record<Id, ValueOf<R>>;
};

export type SessionState = StateOf<typeof SESSION_RECORDS>;
export type WorkspaceState = StateOf<typeof WORKSPACE_RECORDS>;

type KeysOf<Rs extends Definitions, One extends boolean> = Extract<Rs[number], { singleton: One }>['key'];
export type SessionCollectionKey = KeysOf<typeof SESSION_RECORDS, false>;
export type SessionSingletonKey = KeysOf<typeof SESSION_RECORDS, true>;

export const SESSION_COLLECTION_KEYS = SESSION_RECORDS.filter((record) => !record.singleton).map((record) => record.key) as readonly SessionCollectionKey[];
export const SESSION_SINGLETON_KEYS = SESSION_RECORDS.filter((record) => record.singleton).map((record) => record.key) as readonly SessionSingletonKey[];
export const WORKSPACE_COLLECTION_KEYS = WORKSPACE_RECORDS.map((record) => record.key);

const BY_KEY = {
  workspace: new Map<string, RecordDefinition>(WORKSPACE_RECORDS.map((record) => [record.key, record as RecordDefinition])),
  session: new Map<string, RecordDefinition>(SESSION_RECORDS.map((record) => [record.key, record as RecordDefinition])),
};

/** The declaration behind a state key of a workspace or session stream. */
export function recordFor(kind: 'workspace' | 'session', key: string): RecordDefinition | undefined {
  return BY_KEY[kind].get(key);
}

/** Every id-keyed collection of a session, empty: a new session, or one being read back in. */
export function emptySessionCollections(): Pick<SessionState, SessionCollectionKey> {
  return Object.fromEntries(SESSION_COLLECTION_KEYS.map((key) => [key, {}])) as Pick<SessionState, SessionCollectionKey>;
}

/** The record types an archive holds, in the order they are written and read. */
export const ARCHIVED_RECORDS = [...WORKSPACE_RECORDS, ...SESSION_RECORDS].filter((record) => record.table !== null) as RecordDefinition[];

/**
 * The version of the stored shapes as a whole: it changes whenever any record's version does, so
 * a client or archive made for other shapes is recognised (sent in `welcome` and snapshots).
 */
export const SCHEMA_VERSION = [...WORKSPACE_RECORDS, ...SESSION_RECORDS].reduce((sum, record) => sum + record.version, 0);

export { archiveColumns };
