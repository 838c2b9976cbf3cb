import { useMemo } from 'react';
import type { Id, Theme } from '../../../shared/domain';
import { useAppStore } from '../ui/app-context';

/** A programme's themes, oldest first (as they were made), from the workspace the window holds. */
export function useProgrammeThemes(programmeId: Id | null): Theme[] {
  const workspace = useAppStore((state) => state.workspace);
  return useMemo(
    () =>
      Object.values(workspace?.themes ?? {})
        .filter((theme) => programmeId !== null && theme.programmeId === programmeId)
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
    [workspace, programmeId],
  );
}
