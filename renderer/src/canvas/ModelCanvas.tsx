import type Konva from 'konva';
import { type RefObject, useImperativeHandle, useMemo, useRef } from 'react';
import { Layer, Shape, Stage } from 'react-konva';
import type { Cluster, Id, ModelTemplate, Note } from '../../../shared/domain';
import type { ViewBox } from '../store';
import { previewMatrix } from './camera';
import { type ClusterRegion, clusterRegions } from './cluster-geometry';
import { type CameraTransform, fitViewBox } from './geometry';
import { type FigureLabels, ModelShapes } from './ModelShapes';
import { paintClusters } from './cluster-painter';
import { type PaintNote, paintNotes, paintNotesOf } from './note-painter';
import { NotesCanvasPainter } from './notes-canvas';
import { EMPTY_OVERLAY, type OverlayState, paintOverlay } from './overlay-painter';
import { CALM_THEME, type CanvasTheme } from './theme';
import { useEmojiFont } from './use-emoji-font';
import { useCamera } from './use-camera';

/** What is being dragged: drawn on the drag layer, left out of the notes layer until it is let go. */
export interface DragSet {
  noteIds: ReadonlySet<Id>;
  clusterIds: ReadonlySet<Id>;
}

/** What the board's gestures need of the canvas, without React state on every pointer move. */
export interface CanvasApi {
  stage(): Konva.Stage | null;
  transform(): CameraTransform;
  /** Notes in drawing order, where they are drawn (optimistic moves included). */
  notes(): readonly PaintNote[];
  regions(): readonly ClusterRegion[];
  /** Shifts the drag layer's contents by a distance in world units and redraws only that layer. */
  moveDrag(dx: number, dy: number): void;
  /** Shows the drawn canvas as if under another camera (CSS only, nothing redrawn); null ends it. */
  previewCamera(transform: CameraTransform | null): void;
  /** Draws a rubber band (world units) on the overlay layer alone; null removes it. */
  setMarquee(box: OverlayState['marquee']): void;
}

interface ModelCanvasProps {
  template: ModelTemplate;
  notes: Readonly<Record<Id, Note>>;
  clusters?: Readonly<Record<Id, Cluster>>;
  size: { width: number; height: number };
  view: ViewBox;
  /** The part of the canvas the view is fitted into (from its top left, or from x, y); the whole canvas by default. */
  fitSize?: { width: number; height: number; x?: number; y?: number };
  /** Glide to a new view instead of jumping (the projector following the facilitator's focus). */
  animate?: boolean;
  theme?: CanvasTheme;
  labels: FigureLabels;
  /** Positions shown while a move waits for the host's answer, so a dropped note never jumps back. */
  overrides?: ReadonlyMap<Id, { x: number; y: number }>;
  overlay?: OverlayState;
  drag?: DragSet | null;
  apiRef?: RefObject<CanvasApi | null>;
  /** After the notes layer has painted: how many notes it accounts for (drawn, or off screen). */
  onNotesDrawn?(count: number): void;
}

const NO_CLUSTERS: Readonly<Record<Id, Cluster>> = {};
const nativeOf = (context: Konva.Context) => context._context as CanvasRenderingContext2D;

/**
 * The model and its notes, drawn by Konva on four layers, none of which listens to the pointer
 * (the board finds targets itself, see hit-test.ts): the model (static), the notes with their
 * clusters (one shape paints them all), the drag layer (what is being moved, redrawn alone on each
 * pointer move) and the overlay (selection, rubber band). The camera is the stage's own transform.
 */
export function ModelCanvas(props: ModelCanvasProps) {
  const { template, notes, clusters = NO_CLUSTERS, size, view, fitSize, animate = false, theme = CALM_THEME, labels, overrides, overlay = EMPTY_OVERLAY, drag = null, apiRef, onNotesDrawn } = props;
  const stageRef = useRef<Konva.Stage>(null);
  const dragShapeRef = useRef<Konva.Shape>(null);
  const notesLayerRef = useRef<Konva.Layer>(null);
  const overlayShapeRef = useRef<Konva.Shape>(null);
  const transform = fitViewBox(view, fitSize ?? size);
  useCamera(stageRef, transform, size, animate);

  const zoneColors = useMemo(() => new Map(template.zones.map((zone) => [zone.id, zone.color])), [template.zones]);
  const placed = useMemo(() => {
    const ordered = Object.values(notes).sort((a, b) => a.createdAt - b.createdAt);
    if (!overrides || overrides.size === 0) return ordered;
    return ordered.map((note) => {
      const moved = overrides.get(note.id);
      return moved ? { ...note, ...moved } : note;
    });
  }, [notes, overrides]);
  const paintList = useMemo(() => paintNotesOf(placed, zoneColors, theme), [placed, zoneColors, theme]);
  // Once an emoji's font part is in, this renders again and the painter repaints every note with it.
  const texts = useMemo(() => placed.map((note) => note.text), [placed]);
  useEmojiFont(texts);
  const regions = useMemo(() => clusterRegions(clusters, Object.fromEntries(placed.map((note) => [note.id, note]))), [clusters, placed]);

  const latest = useRef({ paintList, regions, transform });
  latest.current = { paintList, regions, transform };
  useImperativeHandle(
    apiRef,
    () => ({
      stage: () => stageRef.current,
      transform: () => latest.current.transform,
      notes: () => latest.current.paintList,
      regions: () => latest.current.regions,
      moveDrag(dx, dy) {
        const shape = dragShapeRef.current;
        if (!shape) return;
        shape.position({ x: dx, y: dy });
        shape.getLayer()?.batchDraw();
      },
      setMarquee(box) {
        const shape = overlayShapeRef.current;
        if (!shape) return;
        shape.setAttr('marquee', box);
        shape.getLayer()?.batchDraw();
      },
      previewCamera(preview) {
        const content = stageRef.current?.content;
        if (!content) return;
        content.style.transformOrigin = '0 0';
        content.style.transform = preview ? previewMatrix(latest.current.transform, preview) : '';
      },
    }),
    [],
  );

  const dragged = useMemo(() => {
    if (!drag) return null;
    return { notes: paintList.filter((note) => drag.noteIds.has(note.id)), regions: regions.filter((region) => drag.clusterIds.has(region.id)) };
  }, [drag, paintList, regions]);

  const painter = useMemo(() => new NotesCanvasPainter(), []);
  const paintBoard = (context: Konva.Context) => {
    const ctx = nativeOf(context);
    // Exports paint into their own canvas; only the layer's own drawing is incremental, and counts as "drawn".
    const own = ctx.canvas === notesLayerRef.current?.getNativeCanvasElement();
    painter.paint(ctx, { notes: paintList, regions, zoneColors, theme, skipNotes: drag?.noteIds, skipClusters: drag?.clusterIds }, own);
    if (own) onNotesDrawn?.(paintList.length);
  };

  return (
    <Stage ref={stageRef} width={size.width} height={size.height} listening={false}>
      <Layer listening={false}>
        <ModelShapes template={template} theme={theme} labels={labels} />
      </Layer>
      {/* Not cleared by Konva before drawing: NotesCanvasPainter repaints only what changed. */}
      <Layer ref={notesLayerRef} listening={false} clearBeforeDraw={false}>
        <Shape sceneFunc={paintBoard} listening={false} perfectDrawEnabled={false} />
      </Layer>
      <Layer listening={false}>
        {dragged && (
          <Shape
            ref={dragShapeRef}
            sceneFunc={(context) => {
              const ctx = nativeOf(context);
              paintClusters(ctx, dragged.regions, zoneColors, theme);
              paintNotes(ctx, dragged.notes, theme);
            }}
            listening={false}
            perfectDrawEnabled={false}
          />
        )}
      </Layer>
      <Layer listening={false}>
        <Shape
          ref={overlayShapeRef}
          sceneFunc={(context, shape) => paintOverlay(nativeOf(context), { ...overlay, marquee: shape.getAttr('marquee') ?? null }, theme)}
          listening={false}
          perfectDrawEnabled={false}
        />
      </Layer>
    </Stage>
  );
}
