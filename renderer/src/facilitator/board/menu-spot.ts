import type { Id, SessionState } from '../../../../shared/domain';
import { type CameraTransform, NOTE } from '../../canvas/geometry';

/** Where the context menu opens: on the board, in pixels from its top left, and the same spot on the model. */
export interface MenuSpot {
  x: number;
  y: number;
  world: { x: number; y: number };
}

/**
 * Where the keyboard opens the menu: beside the cursor's note, else the first chosen note, else the
 * chosen group, else the middle of the board. Beside, not on: the note stays readable under it.
 */
export function menuSpot(
  session: SessionState,
  chosen: { cursor: Id | null; selection: readonly Id[]; selectedClusterId: Id | null },
  transform: CameraTransform,
  size: { width: number; height: number },
): MenuSpot {
  const note = session.notes[chosen.cursor ?? ''] ?? chosen.selection.map((id) => session.notes[id]).find((found) => found !== undefined);
  const cluster = chosen.selectedClusterId ? session.clusters[chosen.selectedClusterId] : undefined;
  const world = note ? { x: note.x + NOTE.width / 2, y: note.y - NOTE.height / 2 } : cluster ? { x: cluster.x, y: cluster.y } : null;
  if (!world) {
    const middle = { x: size.width / 2, y: size.height / 2 };
    return { ...middle, world: { x: (middle.x - transform.x) / transform.scale, y: (middle.y - transform.y) / transform.scale } };
  }
  return { x: world.x * transform.scale + transform.x, y: world.y * transform.scale + transform.y, world };
}
