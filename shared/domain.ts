/**
 * The domain of an "Eiland van reflectie", in code terms (see the table in product.md).
 * Everything here is plain data: it is stored as JSON, sent over the wire and rendered.
 * Ids are made by the client that creates a thing, so a retried command never creates it twice.
 */
export type Id = string;

export type Role = 'facilitator' | 'projector' | 'participant';

/** Who sends a command. A participant id exists only for phones; the facilitator has none. */
export interface Actor {
  role: Role;
  participantId: Id | null;
}

/** World coordinates: the canvas is a fixed 1600 × 1000 world, scaled to any screen. */
export const WORLD = { width: 1600, height: 1000 } as const;

/** A zone's area as an ellipse in world units; notes whose centre falls inside belong to it. */
export interface ZoneArea {
  x: number;
  y: number;
  rx: number;
  ry: number;
}

export interface Zone {
  /** Stable key ('ik', 'wij', 'het', 'zij' or a custom one); notes and points refer to it. */
  id: Id;
  name: string;
  /** Hex colour, chosen to stay apart for colour-blind viewers and on a washed-out beamer. */
  color: string;
  question: string;
  area: ZoneArea;
}

/** Which figure the canvas draws behind the zones. */
export type FigureKind = 'lemniscate' | 'creation' | 'judgement';

export interface ModelTemplate {
  id: Id;
  name: string;
  figure: FigureKind;
  zones: Zone[];
  /** Optional picture of the model (data URL of a PNG, JPEG or SVG) drawn behind the zones. */
  background: string | null;
}

export interface Programme {
  id: Id;
  name: string;
  createdAt: number;
  /**
   * Model templates the facilitator made for this programme (own zones, colours, questions or
   * picture), offered again for its next sessions. Absent in programmes made before they existed.
   */
  templates?: ModelTemplate[];
  /** Hidden from the lists, kept whole. Absent in programmes made before archiving existed. */
  archived?: boolean;
}

export interface SessionMeta {
  id: Id;
  programmeId: Id | null;
  title: string;
  /** Who took part: Programmateam, Managers/leidinggevenden, Stuurgroep, or any other. */
  group: string;
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  facilitator: string;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

export interface SessionSettings {
  dotsPerParticipant: number;
  /** At most this many of one participant's dots on one attention point; null means no limit. */
  maxDotsPerItem: number | null;
  /** When on, names are not shown or stored with notes. */
  anonymous: boolean;
  /** When on, notes stay hidden from the projector and other phones until the facilitator reveals them. */
  hideNotesUntilReveal: boolean;
  /**
   * When on, a note from a phone waits in the facilitator's queue (`Note.pending`) and reaches the
   * projector and other phones only once approved, so one unkind line never hits the wall.
   */
  moderation: boolean;
}

export type PhaseKind =
  | 'checkin'
  | 'observation'
  | 'notes'
  | 'clustering'
  | 'attention'
  | 'voting'
  | 'ingredients'
  | 'other'
  | 'closing';

export interface Phase {
  id: Id;
  kind: PhaseKind;
  /** The side this phase is about, or null for the whole session. */
  zoneId: Id | null;
}

export interface Flow {
  phases: Phase[];
  currentPhaseId: Id | null;
  /** Zones whose notes are revealed while hideNotesUntilReveal is on. */
  revealedZoneIds: Id[];
  votingOpen: boolean;
  /** Vote totals reach projector and phones only after this is set. */
  votesRevealed: boolean;
  /** Where the projector looks: a zone or the whole model. */
  focusZoneId: Id | null;
}

export interface Timer {
  durationMs: number;
  /** Epoch ms when it was last started; null while paused or stopped. */
  startedAt: number | null;
  /** Time left when it was last paused or set. */
  remainingMs: number;
}

export interface Note {
  id: Id;
  zoneId: Id;
  text: string;
  x: number;
  y: number;
  color: string | null;
  /** The participant who wrote it; null for the facilitator or when the session is anonymous. */
  authorId: Id | null;
  authorName: string | null;
  clusterId: Id | null;
  createdAt: number;
  /**
   * True while a phone's note waits for the facilitator's approval (moderation); only its author
   * and the facilitator see it. Absent or false: an ordinary note.
   */
  pending?: boolean;
}

export interface Cluster {
  id: Id;
  zoneId: Id;
  title: string;
  x: number;
  y: number;
}

export interface AttentionPoint {
  id: Id;
  /** The side it belongs to, or null for the session as a whole (as the managers did in the memo). */
  zoneId: Id | null;
  title: string;
  order: number;
  /** Marked by the facilitator to go into the phase plan. */
  chosen: boolean;
  /** A theme carried over from an earlier session, so a programme summary can link them. */
  themeKey: string | null;
}

export interface Ingredient {
  id: Id;
  attentionPointId: Id;
  text: string;
  order: number;
}

/** "Overig genoemde punten": said but not chosen; kept, never lost. */
export interface OtherPoint {
  id: Id;
  zoneId: Id | null;
  text: string;
}

/** "Wat gaat goed?": one text per side. */
export interface Observation {
  id: Id; // the zone id
  text: string;
}

/** One dot. A participant's dots are counted against the session's budget. */
export interface Vote {
  id: Id;
  attentionPointId: Id;
  participantId: Id;
}

export interface Participant {
  id: Id;
  name: string | null;
  joinedAt: number;
}

/** The document state of one session; the host holds the truth, clients hold copies. */
export interface SessionState {
  meta: SessionMeta;
  settings: SessionSettings;
  template: ModelTemplate;
  flow: Flow;
  timer: Timer;
  notes: Record<Id, Note>;
  clusters: Record<Id, Cluster>;
  attentionPoints: Record<Id, AttentionPoint>;
  ingredients: Record<Id, Ingredient>;
  otherPoints: Record<Id, OtherPoint>;
  observations: Record<Id, Observation>;
  votes: Record<Id, Vote>;
  participants: Record<Id, Participant>;
}

export type SingletonKey = 'meta' | 'settings' | 'template' | 'flow' | 'timer';
export type CollectionKey =
  | 'notes'
  | 'clusters'
  | 'attentionPoints'
  | 'ingredients'
  | 'otherPoints'
  | 'observations'
  | 'votes'
  | 'participants';

export const COLLECTION_KEYS: readonly CollectionKey[] = [
  'notes',
  'clusters',
  'attentionPoints',
  'ingredients',
  'otherPoints',
  'observations',
  'votes',
  'participants',
];
export const SINGLETON_KEYS: readonly SingletonKey[] = ['meta', 'settings', 'template', 'flow', 'timer'];

/** The programmes and the list of sessions, outside any one session. */
export interface WorkspaceState {
  programmes: Record<Id, Programme>;
  sessions: Record<Id, SessionMeta>;
}

export const LIMITS = {
  noteText: 500,
  title: 200,
  shortText: 120,
  longText: 4000,
  notesPerSession: 20000,
  dotsPerParticipant: 50,
  messageBytes: 64 * 1024,
  participantName: 60,
} as const;
