import type { Id, ModelTemplate } from '../domain';
import type { Locale } from '../i18n/messages';

/**
 * A report as an ordered list of blocks: what is said, in what order, in which words. The host
 * turns it into a PDF (electron/host/export); the same model could feed a screen preview. All text
 * here is literal: nothing in a block is ever interpreted as markup.
 */
export interface ReportDocument {
  locale: Locale;
  /** The PDF's own title (document properties). */
  title: string;
  subject: string;
  /** Footer on every page after the first, e.g. "Programmateam · 2 juni 2024". */
  footer: string;
  /** "Pagina {page} van {pages}", filled in by the writer once the page count is known. */
  pageLabel: string;
  blocks: ReportBlock[];
}

export interface Fact {
  label: string;
  value: string;
}

/** A note on the model drawing: where it lay on the canvas and what it said. */
export interface FigureNote {
  id: Id;
  zoneId: Id;
  clusterId: Id | null;
  text: string;
  x: number;
  y: number;
  color: string;
}

export interface FigureCluster {
  id: Id;
  zoneId: Id;
  /** The title as printed: a cluster without one is named "zonder naam". */
  title: string;
  x: number;
  y: number;
  color: string;
}

/** Counted forms ("1 notitie", "{count} notities"): the writer fills in {count}. */
export interface CountWords {
  one: string;
  other: string;
}

/** The figure's own words, in the report's language. */
export interface FigureWords {
  kenweg: string;
  keuzeweg: string;
  notes: CountWords;
  /** Notes of a side without a cluster, when they are counted instead of drawn. */
  loose: CountWords;
  themes: CountWords;
  /** "{notes} · {themes}": a side too full to draw, in one line. */
  sideCount: string;
  /** The list after the figure of the notes it shows by number. */
  keyHeading: string;
  keyIntro: string;
  unclustered: string;
  /** The same in a theme's zone, where every note is of that theme: not "without a theme", only in no group. */
  unclusteredInThemeZone: string;
}

/**
 * The model as the canvas ended: template zones plus notes and clusters in world units. The
 * writer lays the notes out afresh for paper (shared/geometry/print-figure); a picture of the real
 * canvas can take the drawing's place (see model-figure.ts).
 */
export interface ModelFigure {
  template: ModelTemplate;
  notes: FigureNote[];
  clusters: FigureCluster[];
  /** Note count per zone, for the legend under the drawing. */
  legend: { zoneId: Id; name: string; color: string; count: string }[];
  words: FigureWords;
}

export interface PointBlock {
  kind: 'point';
  /** 1-based, shared by ties (rankPoints). */
  rank: number;
  title: string;
  dots: number;
  /** "3 stippen", in the report's language. */
  dotsLabel: string;
  chosen: boolean;
  /** "Gekozen voor het faseplan" when chosen, else null. */
  chosenLabel: string | null;
  /** "Thema: …" when the point carries a theme from another session, else null. */
  themeLabel: string | null;
  /**
   * The theme's name above "Dit zijn de ingrediënten" when the point has a theme, as the memo
   * heads a theme's ingredients with its name; then `themeLabel` is null (it would say it twice).
   */
  ingredientsTheme: string | null;
  ingredientsHeading: string | null;
  ingredients: string[];
}

export interface LeadTextBlock {
  kind: 'leadText';
  purpose: 'introduction' | 'themeSummary';
  /** The theme it belongs to, for a theme's synthesis; null for the introduction. */
  themeId: Id | null;
  paragraphs: string[];
}

/** One bar of a status picture: a label and its parts, each counted, worded and coloured. */
export interface StatusBar {
  label: string;
  segments: { label: string; count: number; color: string }[];
}

export type ReportBlock =
  | { kind: 'title'; eyebrow: string; text: string; subtitle: string }
  | { kind: 'facts'; rows: Fact[] }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; color: string | null; newPage: boolean }
  | { kind: 'paragraph'; text: string; tone: 'body' | 'muted' | 'question' }
  | PointBlock
  | { kind: 'bullets'; items: string[] }
  /** `alt` says in words what the drawing shows, for those who cannot see it (PDF/UA). */
  | { kind: 'model'; figure: ModelFigure; caption: string; alt: string }
  /** One cluster (or the notes without one) in the appendix. */
  | { kind: 'noteGroup'; title: string; color: string; notes: string[] }
  /** A table with column headers; every cell is literal text. `shares`: each column's part of the width (summing to 1). */
  | { kind: 'table'; columns: string[]; rows: string[][]; shares?: number[] }
  /** Stacked bars, one per label (the actions per theme by status); `alt` says it in words (PDF/UA). */
  | { kind: 'statusBars'; bars: StatusBar[]; alt: string }
  /**
   * What the programme lead wrote in the app for "Samengevat": the introduction, or the synthesis of
   * one theme. Kept apart from other paragraphs so every writer (PDF, Word) can print the lead's own
   * words as theirs; one entry per paragraph as typed (blank lines part them).
   */
  | LeadTextBlock
  | { kind: 'pageBreak' };
