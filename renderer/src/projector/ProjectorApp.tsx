import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RoomDisplay } from '../../../shared/protocol';
import { fitViewBox, modelViewBox } from '../canvas/geometry';
import { ModelCanvas } from '../canvas/ModelCanvas';
import { CALM_THEME, CONTRAST_THEME } from '../canvas/theme';
import { useElementSize } from '../canvas/use-element-size';
import { ProjectorJoinInfo } from '../room/ProjectorJoinInfo';
import { NotesWall } from '../session-flow/projector/NotesWall';
import { focusView, wallNeeded } from '../session-flow/projector/notes-wall';
import { ProjectorFlow } from '../session-flow/projector/ProjectorFlow';
import { useShownNotes } from '../session-flow/projector/use-shown-notes';
import { followSession } from '../store/sync';
import { useAppStore, useClient, useStoreApi } from '../ui/app-context';
import { useT } from '../ui/i18n';
import { useDocumentLocale } from '../ui/use-document-locale';
import { ProjectorLayout } from './ProjectorLayout';
import { useChosenSession } from './use-chosen-session';
import { useProjectorContrast } from './use-contrast';
import { freeWallRect, useWallObstacles, WALL_OBSTACLE } from '../canvas/wall-space';

/** The beamer: only the canvas and the phase's content, read-only, turning to the side in focus. */
export function ProjectorApp() {
  const t = useT();
  const client = useClient();
  const store = useStoreApi();
  const chosen = useChosenSession();
  const session = useAppStore((state) => state.session);
  const connection = useAppStore((state) => state.connection);
  // The facilitator's screen sets the look and language through the host, however this page was opened.
  const [hostDisplay, setHostDisplay] = useState<RoomDisplay | null>(null);
  const contrast = useProjectorContrast(hostDisplay?.contrast ?? null);
  const hostLocale = hostDisplay?.locale ?? null;
  useEffect(() => {
    if (hostLocale !== null) store.getState().setLocale(hostLocale);
  }, [hostLocale, store]);
  const boxRef = useRef<HTMLElement>(null);
  const size = useElementSize(boxRef);
  useDocumentLocale('projector.title');

  useEffect(() => (chosen ? followSession(client, store, chosen) : undefined), [client, store, chosen]);

  const focusZone = session?.template.zones.find((zone) => zone.id === session.flow.focusZoneId);
  const zones = session?.template.zones;
  // Hidden notes stay off the wall until revealed (session-flow decides which may be drawn).
  const notes = useShownNotes(session);
  // The side in focus shows its notes as large as they fit; the whole model shows everything.
  const sideNotes = useMemo(() => Object.values(notes ?? {}).filter((note) => note.zoneId === focusZone?.id), [notes, focusZone]);
  const view = useMemo(
    () => (focusZone ? focusView(focusZone, sideNotes) : modelViewBox(zones ?? [], Object.values(notes ?? {}))),
    [focusZone, sideNotes, zones, notes],
  );
  const labels = useMemo(() => ({ kenweg: t('canvas.kenweg'), keuzeweg: t('canvas.keuzeweg') }), [t]);
  // The model fits in the part of the wall that the banner, timer, join code, counts and points panel leave free.
  const obstacles = useWallObstacles(boxRef);
  const fitSize = useMemo(() => freeWallRect(size, obstacles, view), [size, obstacles, view]);
  // A side with many or piled notes is shown as a wall of cards where the model would stand.
  const wall = session && focusZone && notes && size.height > 0 && wallNeeded(sideNotes, fitViewBox(view, fitSize).scale, size.height);
  // The cards want the most room there is, not the shape of the side.
  const wallArea = useMemo(() => freeWallRect(size, obstacles, { x: 0, y: 0, width: size.width, height: size.height }), [size, obstacles]);
  const onNotesDrawn = useCallback((count: number) => {
    if (boxRef.current) boxRef.current.dataset.notesDrawn = String(count);
  }, []);

  const canvas =
    session && size.width > 0 ? (
      <ModelCanvas
        template={session.template}
        notes={notes ?? session.notes}
        clusters={session.clusters}
        size={size}
        view={view}
        fitSize={fitSize}
        animate
        theme={contrast ? CONTRAST_THEME : CALM_THEME}
        labels={labels}
        onNotesDrawn={onNotesDrawn}
      />
    ) : (
      <p className="projector-waiting">{chosen ? t('app.loading') : t('projector.waiting')}</p>
    );

  return (
    <ProjectorLayout
      boxRef={boxRef}
      sessionId={session?.meta.id ?? ''}
      focusZoneId={focusZone?.id ?? ''}
      contrast={contrast}
      canvas={canvas}
      modelArea={session ? { area: fitSize, wall: size } : null}
      overlay={
        session && (
          <>
            {wall && focusZone && notes && <NotesWall session={session} zoneId={focusZone.id} notes={notes} area={wallArea} contrast={contrast} />}
            <ProjectorFlow session={session} />
          </>
        )
      }
      corners={
        <>
          {chosen && <ProjectorJoinInfo sessionId={chosen} onDisplay={setHostDisplay} />}
          {connection === 'offline' && (
            <p className="projector-offline" role="status" {...WALL_OBSTACLE}>
              {t('connection.offline')}
            </p>
          )}
        </>
      }
    />
  );
}
