import { nanoid } from 'nanoid';
import type { Id } from '../../../shared/domain';
import type { LinkTarget } from '../../../shared/commands/themes';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import type { RunCommand } from '../ui/use-command';

/**
 * The theme commands as the harvest panel and the board send them. Each resolves to whether the
 * host took it; a refusal has already been shown (useCommand's toast, in the catalogue's words).
 */
export async function createTheme(run: RunCommand, programmeId: Id, title: string): Promise<Id | null> {
  const id = nanoid();
  return (await run(WORKSPACE_STREAM, { type: 'theme.create', id, programmeId, title })) ? id : null;
}

export async function linkToTheme(run: RunCommand, sessionId: Id, target: LinkTarget, id: Id, themeId: Id): Promise<boolean> {
  return (await run(sessionId, { type: 'theme.link', target, id, themeId })) !== null;
}

export async function unlinkFromTheme(run: RunCommand, sessionId: Id, target: LinkTarget, id: Id): Promise<boolean> {
  return (await run(sessionId, { type: 'theme.unlink', target, id })) !== null;
}

/** Links to an existing theme, or first makes one with `newTitle` when no theme is given. */
export async function linkToThemeOrNew(
  run: RunCommand,
  programmeId: Id,
  themeId: Id | null,
  newTitle: string,
  items: readonly { sessionId: Id; target: LinkTarget; id: Id }[],
): Promise<Id | null> {
  const target = themeId ?? (await createTheme(run, programmeId, newTitle));
  if (target === null) return null;
  for (const item of items) if (!(await linkToTheme(run, item.sessionId, item.target, item.id, target))) return null;
  return target;
}
