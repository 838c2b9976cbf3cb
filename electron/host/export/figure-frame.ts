import { type ModelTemplate, WORLD, type Zone } from '../../../shared/domain';
import { type FigureGeometry, figureGeometry, LOOP_LABEL, type LoopLabel } from '../../../shared/geometry/figure';
import { LABEL, type LabelLayout, labelLayout, labelPlacement, labelRoom, pictureBox, type ViewBox } from '../../../shared/geometry/model';
import { type FigureMeasure, PRINT } from '../../../shared/geometry/print-blocks';
import { REFERENCE_SIZE, wrapText } from '../../../shared/geometry/text-fit';
import { type PictureType, rasterSize, readPictureDataUrl, svgSize } from '../../../shared/picture';
import { isWholeZone } from '../../../shared/zones';

/**
 * Where the model goes on the page: which part of the world the figure shows, and at what scale.
 * Everything placed here comes from the shared geometry the canvas draws with (zones, labels, the
 * ∞ figure, an own picture); only the labels' type is set for paper (the canvas's 46-unit names
 * would be 25 pt at this scale) and measured with the PDF's fonts.
 */

/** Type of the zone labels and the loops' names on paper, in points. */
export const PRINT_LABEL = { namePt: 12, nameLeading: 1.1, questionPt: 7.5, questionLines: 3, loopPt: 8.5 } as const;

export interface PrintedLabel {
  zone: Zone;
  layout: LabelLayout;
  nameLines: string[];
  questionLines: string[];
  /** Type sizes in world units at the frame's scale. */
  nameSize: number;
  questionSize: number;
  step: number | undefined;
}

export interface PrintedLoop {
  loop: LoopLabel;
  lines: string[];
  size: number;
}

export interface Picture {
  type: PictureType;
  bytes: Buffer;
  box: ViewBox;
}

export interface FigureFrame {
  /** The part of the world drawn, and where: a world point (x, y) lands at (left + (x − view.x)·scale, top + (y − view.y)·scale). */
  view: ViewBox;
  scale: number;
  left: number;
  top: number;
  width: number;
  height: number;
  figure: FigureGeometry;
  labels: PrintedLabel[];
  loops: PrintedLoop[];
  picture: Picture | null;
  /** The template has its own picture of the model: the ∞ figure is not drawn then, as on the canvas. */
  ownPicture: boolean;
}

const ELLIPSIS = '…';

/** At most `count` lines; a longer question ends in an ellipsis (the side's section prints it whole). */
function capLines(lines: string[], count: number, width: number, widthOf: (text: string) => number): string[] {
  if (lines.length <= count) return lines;
  const kept = lines.slice(0, count);
  let last = kept[count - 1] ?? '';
  while (last !== '' && widthOf(`${last}${ELLIPSIS}`) > width) last = last.slice(0, -1).trimEnd();
  kept[count - 1] = `${last}${ELLIPSIS}`;
  return kept;
}

interface LabelType {
  namePt: number;
  questionPt: number;
  questionLines: number;
  /** How wide its lines may run, in world units, when narrower than the label's place (labelPlacement). */
  lineWidth?: number;
}

const PRINT_TYPE: LabelType = { namePt: PRINT_LABEL.namePt, questionPt: PRINT_LABEL.questionPt, questionLines: PRINT_LABEL.questionLines };

/**
 * The label of a zone of the whole session, set as large as its room allows. Its room under (or
 * above) the zone is fixed in world units (labelRoom), with the next row of zones beyond it, while
 * the type is set in points: in a small figure (many themes under the ∞) a 12 pt name would run
 * into the row below and split its words. Smaller type first, down to the legible minimum; then
 * fewer lines of question (the theme's own section prints it whole).
 */
function printedWholeLabel(zone: Zone, step: number | undefined, scale: number, measure: FigureMeasure): PrintedLabel {
  const room = labelRoom(zone.area);
  // Zones side by side in a row leave their own width and half the gap between them (whole-zones.ts)
  // for a label: wider lines would run under the neighbour's.
  const lineWidth = Math.min(room.width, zone.area.rx * 2 + 30);
  const sizes: LabelType[] = [];
  for (let namePt = PRINT_LABEL.namePt; namePt >= PRINT.minPt; namePt -= 1) {
    sizes.push({ namePt, questionPt: Math.max(PRINT.minPt, (PRINT_LABEL.questionPt * namePt) / PRINT_LABEL.namePt), questionLines: PRINT_LABEL.questionLines, lineWidth });
  }
  const smallest = sizes.at(-1) ?? PRINT_TYPE;
  for (let lines = PRINT_LABEL.questionLines - 1; lines >= 0; lines -= 1) sizes.push({ ...smallest, questionLines: lines });
  let label = printedLabel(zone, step, scale, measure, PRINT_TYPE);
  for (const type of sizes) {
    label = printedLabel(zone, step, scale, measure, type);
    const nameSize = label.nameSize;
    const wholeWords = zone.name.split(/\s+/).every((word) => (measure.bold(word) * nameSize) / REFERENCE_SIZE <= lineWidth);
    const height = label.layout.questionTop + label.questionLines.length * label.questionSize * LABEL.questionLineHeight - label.layout.nameTop;
    if (wholeWords && height <= room.height) return label;
  }
  return label;
}

function printedLabel(zone: Zone, step: number | undefined, scale: number, measure: FigureMeasure, type: LabelType = PRINT_TYPE): PrintedLabel {
  const width = Math.min(labelPlacement(zone.area).width, type.lineWidth ?? Number.POSITIVE_INFINITY);
  const nameSize = type.namePt / scale;
  const questionSize = type.questionPt / scale;
  const nameWidth = (text: string) => (measure.bold(text) * nameSize) / REFERENCE_SIZE;
  const questionWidth = (text: string) => (measure.regular(text) * questionSize) / REFERENCE_SIZE;
  const nameLines = wrapText(zone.name, width, nameWidth);
  const question = zone.question.trim();
  const questionLines = question && type.questionLines > 0 ? capLines(wrapText(question, width, questionWidth), type.questionLines, width, questionWidth) : [];
  const widest = Math.max(...nameLines.map(nameWidth), ...questionLines.map(questionWidth));
  const size = {
    textWidth: widest,
    nameWidth: Math.max(...nameLines.map(nameWidth)),
    nameHeight: nameLines.length * nameSize * PRINT_LABEL.nameLeading,
    questionHeight: questionLines.length * questionSize * LABEL.questionLineHeight,
  };
  // The label's air and step disc shrink with its type, so a printed label keeps the canvas's proportions.
  return { zone, layout: labelLayout(zone.area, size, step !== undefined, nameSize / LABEL.nameSize), nameLines, questionLines, nameSize, questionSize, step };
}

function picture(template: ModelTemplate): Picture | null {
  const read = template.background ? readPictureDataUrl(template.background) : null;
  if (!read) return null;
  // An SVG that declares no size is drawn world-sized, as the canvas draws one without a natural size.
  const size = read.type === 'image/svg+xml' ? (svgSize(read.bytes) ?? { width: WORLD.width, height: WORLD.height }) : rasterSize(read.bytes, read.type);
  if (!size) return null;
  return { type: read.type, bytes: Buffer.from(read.bytes), box: pictureBox(size.width, size.height) };
}

function union(boxes: readonly ViewBox[]): ViewBox {
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export interface FrameRequest {
  template: ModelTemplate;
  loopWords: { kenweg: string; keuzeweg: string };
  measure: FigureMeasure;
  /** The room on the page, in points. */
  box: { x: number; y: number; width: number; height: number };
}

/**
 * The smallest part of the world that holds every side, its label and the loops' names, scaled to
 * fill the room. An own picture is cut to it, as the projector's view of the model cuts it. Labels are set in points, so their size in world units depends
 * on the scale it is looking for: a few rounds settle both.
 */
export function figureFrame(request: FrameRequest): FigureFrame {
  const { template, measure, box } = request;
  const figure = figureGeometry(template.figure, template.zones);
  const background = picture(template);
  let scale = box.width / 1600;
  let labels: PrintedLabel[] = [];
  let loops: PrintedLoop[] = [];
  let view: ViewBox = { x: 0, y: 0, width: 1600, height: 1000 };
  for (let round = 0; round < 4; round += 1) {
    labels = template.zones.map((zone) => (isWholeZone(zone) ? printedWholeLabel : printedLabel)(zone, figure.steps.get(zone.id), scale, measure));
    const loopSize = PRINT_LABEL.loopPt / scale;
    const loopWidth = (text: string) => (measure.bold(text) * loopSize) / REFERENCE_SIZE;
    loops = template.background ? [] : figure.loopLabels.map((loop) => ({ loop, lines: wrapText(request.loopWords[loop.loop], loop.width, loopWidth), size: loopSize }));
    const boxes: ViewBox[] = [
      ...template.zones.map(({ area }) => ({ x: area.x - area.rx, y: area.y - area.ry, width: area.rx * 2, height: area.ry * 2 })),
      ...labels.map((label) => label.layout.backing),
      ...loops.map(({ loop, lines, size }) => ({ x: loop.x - loop.width / 2, y: loop.y - LOOP_LABEL.rise * (size / LOOP_LABEL.size), width: loop.width, height: lines.length * size * LOOP_LABEL.lineHeight })),
    ];
    const tight = union(boxes);
    // A few points of air around it all, so no outline touches the edge of the paper tint.
    const air = 8 / scale;
    view = { x: tight.x - air, y: tight.y - air, width: tight.width + 2 * air, height: tight.height + 2 * air };
    scale = Math.min(box.width / view.width, box.height / view.height);
  }
  const width = view.width * scale;
  const height = view.height * scale;
  return { view, scale, left: box.x + (box.width - width) / 2, top: box.y, width, height, figure, labels, loops, picture: background, ownPicture: template.background !== null };
}

/** World to page. */
export const toPage = (frame: FigureFrame) => ({
  x: (x: number) => frame.left + (x - frame.view.x) * frame.scale,
  y: (y: number) => frame.top + (y - frame.view.y) * frame.scale,
});
