import type { z } from 'zod';
import type { Actor, Id } from './basics';

/**
 * One stored thing, declared once: where it lives, its schema (the TypeScript type is inferred from
 * it), its version with the migrations of older stored shapes, what each role may see of it, and
 * how it is written to an archive. The state types, the key lists, the archive's tables and
 * columns and the merge of archives are all derived from these declarations (see index.ts).
 */
export type RecordScope = 'workspace' | 'programme' | 'session';

/** What a redaction knows: who looks, and the parts of the session that decide what they may see. */
export interface ViewContext {
  actor: Actor;
  state: {
    settings: { anonymous: boolean; hideNotesUntilReveal: boolean };
    flow: { revealedZoneIds: readonly string[]; votesRevealed: boolean };
  };
}

export interface RecordDefinition<K extends string = string, T extends object = object, One extends boolean = boolean> {
  /** The state field it lives under: an id-keyed collection ('notes') or a singleton ('flow'). */
  key: K;
  /** Where its records live: the workspace, a programme (kept in the workspace stream), a session. */
  scope: RecordScope;
  /** One value per stream (stored under the id '') instead of an id-keyed collection. */
  singleton: One;
  schema: z.ZodType<T>;
  /** The version of the stored shape; `migrations[n]` brings a value of version n + 1 to n + 2. */
  version: number;
  migrations: readonly ((stored: Record<string, unknown>) => Record<string, unknown>)[];
  /** The archive table, or null for a copy derived from another record (it is not exported). */
  table: string | null;
  /** What a projector or phone may see; null hides it. Absent: everyone sees it as it is. */
  redact?(value: T, view: ViewContext): T | null;
  /**
   * The participant whose own view of a value may differ from every other participant's (their own
   * note, their own dot), for a record whose redaction looks at who the participant is. Any other
   * participant sees the value as a participant who owns nothing does, so a view is shared by all
   * of them (the host serialises it once, electron/host/fan-out.ts); test/unit/shared/views.test.ts
   * checks this against `redact`.
   */
  owner?(value: T): string | null;
  /** The text field two laptops may both change; a merge keeps the other text visible (`conflicts`). */
  conflictField?: string;
  /** Fields a deletion keeps, so an archive can tell where a tombstone belongs. Never free text. */
  tombstoneFields?: readonly string[];
}

export type ValueOf<R> = R extends RecordDefinition<string, infer T, boolean> ? T : never;


export function defineRecord<K extends string, T extends object, One extends boolean>(definition: RecordDefinition<K, T, One>): RecordDefinition<K, T, One> {
  if (definition.migrations.length !== definition.version - 1) {
    throw new Error(`Record ${definition.key}: version ${definition.version} needs ${definition.version - 1} migrations`);
  }
  for (const column of archiveColumns(definition)) {
    if (column.optional && column.nullable) throw new Error(`Record ${definition.key}: field ${column.field} is both optional and nullable; an archive could not tell them apart`);
  }
  return definition;
}

/** Brings a stored value of an older version to the current shape. */
export function migrateStored(definition: RecordDefinition, stored: unknown, version: number): unknown {
  let value = stored as Record<string, unknown>;
  for (let from = version; from < definition.version; from++) {
    const step = definition.migrations[from - 1];
    if (!step) throw new Error(`Record ${definition.key} has no migration from version ${from}`);
    value = step(value);
  }
  return value;
}

// ---- archive columns, derived from the schema --------------------------------------------------

export type ColumnKind = 'text' | 'integer' | 'real' | 'boolean' | 'json';

export interface ArchiveColumn {
  field: string;
  column: string;
  kind: ColumnKind;
  optional: boolean;
  nullable: boolean;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

interface ZodInternals {
  _zod: { def: { type: string; innerType?: ZodInternals; checks?: { _zod: { def: { format?: string } } }[]; shape?: Record<string, ZodInternals> } };
}

function columnOf(field: string, schema: ZodInternals): ArchiveColumn {
  let current = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    const def = current._zod.def;
    if (def.type === 'optional' && def.innerType) optional = true;
    else if (def.type === 'nullable' && def.innerType) nullable = true;
    else break;
    current = def.innerType;
  }
  const def = current._zod.def;
  const kinds: Record<string, ColumnKind> = { string: 'text', enum: 'text', literal: 'text', boolean: 'boolean' };
  let kind: ColumnKind = kinds[def.type] ?? 'json';
  if (def.type === 'number') kind = def.checks?.some((check) => check._zod.def.format === 'safeint') ? 'integer' : 'real';
  return { field, column: snake(field), kind, optional, nullable };
}

/** The columns of a record's table, one per field of its schema, in the schema's order. */
export function archiveColumns(definition: RecordDefinition): ArchiveColumn[] {
  const shape = (definition.schema as unknown as ZodInternals)._zod.def.shape;
  if (!shape) throw new Error(`Record ${definition.key}: its schema must be an object`);
  return Object.entries(shape).map(([field, schema]) => columnOf(field, schema));
}

/** A value as its columns hold it: booleans as 0/1, objects and lists as JSON text, absent as NULL. */
export function toColumns(columns: readonly ArchiveColumn[], value: Record<string, unknown>): unknown[] {
  return columns.map(({ field, kind }) => {
    const item = value[field];
    if (item === undefined || item === null) return null;
    if (kind === 'boolean') return item ? 1 : 0;
    if (kind === 'json') return JSON.stringify(item);
    return item;
  });
}

/** The value back from its columns; what does not fit is left for the record's schema to refuse. */
export function fromColumns(columns: readonly ArchiveColumn[], row: Record<string, unknown>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const { field, column, kind, optional } of columns) {
    const cell = row[column];
    if (cell === null || cell === undefined) {
      if (!optional) value[field] = null;
      continue;
    }
    if (kind === 'boolean') value[field] = cell === 1 ? true : cell === 0 ? false : cell;
    else if (kind === 'json') value[field] = typeof cell === 'string' ? parseJson(cell) : cell;
    else value[field] = cell;
  }
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol.for('invalid json');
  }
}

/** The id a record is stored under: its own id, or '' for a singleton. */
export function storageId(definition: RecordDefinition, value: object): Id {
  return definition.singleton ? '' : String((value as { id?: unknown }).id);
}
