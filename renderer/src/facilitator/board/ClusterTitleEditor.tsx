import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { type Id, LIMITS, type SessionState } from '../../../../shared/domain';
import { CLUSTER, clusterRegion } from '../../canvas/cluster-geometry';
import type { ClusterDraft } from '../../canvas/canvas-slice';
import { type CameraTransform, worldToScreen } from '../../canvas/geometry';
import { FONT_STACK } from '../../canvas/theme';
import { useStoreApi } from '../../ui/app-context';
import { useT } from '../../ui/i18n';
import type { RunCommand } from '../../ui/use-command';
import { clusterCommand } from './note-actions';

interface ClusterTitleEditorProps {
  draft: ClusterDraft;
  session: SessionState;
  transform: CameraTransform;
  sessionId: Id;
  run: RunCommand;
}

/**
 * The name of a group, typed where its title band is (or will be): Enter makes the group or
 * renames it, Esc stops, and leaving the field keeps what was typed.
 */
export function ClusterTitleEditor({ draft, session, transform, sessionId, run }: ClusterTitleEditorProps) {
  const t = useT();
  const store = useStoreApi();
  const existing = draft.kind === 'rename' ? session.clusters[draft.clusterId] : undefined;
  const [title, setTitle] = useState(existing?.title ?? '');
  const done = useRef(false);
  const field = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  const members = draft.kind === 'new' ? draft.noteIds.flatMap((id) => session.notes[id] ?? []) : Object.values(session.notes).filter((note) => note.clusterId === existing?.id);
  const region = clusterRegion(existing ?? { id: '', zoneId: '', title: '', x: 0, y: 0 }, members);
  const topLeft = worldToScreen(transform, { x: region.x, y: region.y });
  const width = Math.max(280, region.width * transform.scale);

  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    store.getState().draftCluster(null);
    const clean = title.trim();
    if (!save || clean === '') return;
    if (draft.kind === 'new') {
      const command = clusterCommand(session, draft.noteIds, clean);
      if (command) {
        store.getState().select([]);
        void run(sessionId, command).then((ack) => ack && store.getState().selectCluster(String(command.id)));
      }
    } else if (existing && clean !== existing.title) {
      void run(sessionId, { type: 'cluster.rename', id: existing.id, title: clean });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(false);
    }
  };

  return (
    <div className="cluster-editor" style={{ left: topLeft.x, top: topLeft.y, width }}>
      <input
        ref={field}
        aria-label={t('cluster.titleLabel')}
        placeholder={t('cluster.titlePlaceholder')}
        maxLength={LIMITS.title}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => finish(true)}
        style={{ fontFamily: FONT_STACK, fontSize: Math.max(18, CLUSTER.titleSize * transform.scale), height: Math.max(44, CLUSTER.titleHeight * transform.scale) }}
      />
      <p className="note-editor-hint">{t('cluster.titleHint')}</p>
    </div>
  );
}
