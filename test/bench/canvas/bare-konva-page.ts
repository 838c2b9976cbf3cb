/**
 * The baseline of canvas.drag_vs_konva: bare Konva (no React, no store, no app) drawing the same
 * scene the way Konva's own performance guidance says: the model on a layer that does not listen,
 * the notes as groups of a rectangle and a text, and a drag layer the dragged note moves to.
 * Bundled by esbuild into a temp folder and run in the same Chromium as the app.
 */
import Konva from 'konva';
import { LEMNISCATE_IK_WIJ_HET } from '../../../shared/templates';
import type { SceneNote } from './scene';

interface BareScene {
  notes: SceneNote[];
  width: number;
  height: number;
  /** The same camera as the app's board: world units to screen pixels. */
  scale: number;
  x: number;
  y: number;
}

const NOTE = { width: 176, height: 124, padding: 12 };
const FONT = 'system-ui, "Segoe UI", "Noto Sans", Roboto, "Liberation Sans", "DejaVu Sans", Arial, sans-serif';

function build(scene: BareScene): void {
  const container = document.getElementById('stage') as HTMLDivElement;
  const stage = new Konva.Stage({ container, width: scene.width, height: scene.height, x: scene.x, y: scene.y, scaleX: scene.scale, scaleY: scene.scale });
  const model = new Konva.Layer({ listening: false });
  for (const zone of LEMNISCATE_IK_WIJ_HET.zones) {
    const { x, y, rx, ry } = zone.area;
    model.add(new Konva.Ellipse({ x, y, radiusX: rx, radiusY: ry, fill: `${zone.color}33`, stroke: zone.color, strokeWidth: 6, perfectDrawEnabled: false }));
  }
  const notes = new Konva.Layer();
  const drag = new Konva.Layer();
  const colors = new Map(LEMNISCATE_IK_WIJ_HET.zones.map((zone) => [zone.id, zone.color]));
  for (const note of scene.notes) {
    const group = new Konva.Group({ id: note.id, x: note.x, y: note.y, offsetX: NOTE.width / 2, offsetY: NOTE.height / 2, draggable: true });
    group.add(new Konva.Rect({ width: NOTE.width, height: NOTE.height, cornerRadius: 4, fill: `${colors.get(note.zoneId) ?? '#999999'}55`, perfectDrawEnabled: false }));
    group.add(
      new Konva.Text({
        x: NOTE.padding,
        y: NOTE.padding,
        width: NOTE.width - 2 * NOTE.padding,
        height: NOTE.height - 2 * NOTE.padding,
        text: note.text,
        fontFamily: FONT,
        fontSize: 20,
        lineHeight: 1.2,
        fill: '#1F1B16',
        wrap: 'word',
        ellipsis: true,
        listening: false,
        perfectDrawEnabled: false,
      }),
    );
    group.on('dragstart', () => group.moveTo(drag));
    group.on('dragend', () => group.moveTo(notes));
    notes.add(group);
  }
  stage.add(model, notes, drag);
  stage.draw();
  container.dataset.notesDrawn = String(scene.notes.length);
}

(window as unknown as { buildBareScene: typeof build }).buildBareScene = build;
