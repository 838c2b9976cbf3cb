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
  text: string;
  x: number;
  y: number;
  color: string;
}

export interface FigureCluster {
  id: Id;
  title: string;
  x: number;
  y: number;
  color: string;
}

/**
 * The model as the canvas ended: template zones plus notes and cluster titles in world units.
 * Drawn as vector graphics today; a PNG of the real canvas can replace it (see model-figure.ts).
 */
export interface ModelFigure {
  template: ModelTemplate;
  notes: FigureNote[];
  clusters: FigureCluster[];
  /** Note count per zone, for the legend under the drawing. */
  legend: { zoneId: Id; name: string; color: string; count: string }[];
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
  ingredientsHeading: string | null;
  ingredients: string[];
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
  | { kind: 'pageBreak' };
