/**
 * The shell's IPC handlers: the main-process side of the preload bridge. Every handler is
 * registered through `handleTrusted`, so none can forget to check who is calling.
 */
import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent, ipcMain, type SaveDialogOptions } from 'electron';
import { isLocale, type Locale } from '../../shared/i18n/messages';
import { IpcChannel, type IpcChannelName } from '../../shared/ipc';
import type { HostOriginSource } from './hardening';
import { isTrustedSender } from './security';

/** Thrown (and so rejected in the renderer's `invoke`) when a call does not come from our own pages. */
export class UntrustedSenderError extends Error {
  constructor(channel: string, frameUrl: string | null) {
    super(`IPC '${channel}' refused: sender ${frameUrl ?? '(no frame)'} is not an Eiland page`);
    this.name = 'UntrustedSenderError';
  }
}

/**
 * Registers an invoke handler that runs only for frames from the host's origin. Arguments come
 * from a web page, so they arrive as `unknown` and each handler validates its own.
 */
export function handleTrusted(
  channel: IpcChannelName,
  hostOrigin: HostOriginSource,
  handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
): void {
  ipcMain.handle(channel, (event, ...args: unknown[]) => {
    const frameUrl = event.senderFrame?.url ?? null;
    if (!isTrustedSender(frameUrl, hostOrigin())) throw new UntrustedSenderError(channel, frameUrl);
    return handler(event, ...args);
  });
}

/** Fallback when the page suggests no usable name. */
const DEFAULT_FILE_NAME = 'eiland-export';

/**
 * A suggested file name reduced to a bare name: no folders (the page may not pick where to write,
 * only the user may), no characters Windows forbids, not empty and not absurdly long.
 */
export function safeFileName(suggested: unknown): string {
  if (typeof suggested !== 'string') return DEFAULT_FILE_NAME;
  const bare = basename(suggested.replaceAll('\\', '/'))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed.
    .replace(/[<>:"|?*\u0000-\u001f]/g, '')
    .trim()
    .slice(0, 120);
  return bare === '' || bare === '.' || bare === '..' ? DEFAULT_FILE_NAME : bare;
}

export interface IpcActions {
  openProjector(): void;
  /** Arguments as the page sent them: the action validates (recent.ts), nothing is trusted here. */
  sessionOpened(id: unknown, title: unknown): void;
  localeChanged(locale: Locale): void;
}

export function registerIpcHandlers(hostOrigin: HostOriginSource, actions: IpcActions): void {
  handleTrusted(IpcChannel.openProjector, hostOrigin, () => {
    actions.openProjector();
  });

  handleTrusted(IpcChannel.sessionOpened, hostOrigin, (_event, id, title) => {
    actions.sessionOpened(id, title);
  });

  handleTrusted(IpcChannel.localeChanged, hostOrigin, (_event, locale) => {
    // Anything but a language Eiland speaks is ignored rather than passed on.
    if (isLocale(locale)) actions.localeChanged(locale);
  });

  handleTrusted(IpcChannel.chooseSavePath, hostOrigin, async (event, defaultName) => {
    const options: SaveDialogOptions = {
      defaultPath: join(app.getPath('documents'), safeFileName(defaultName)),
    };
    // Attached to the calling window, so the dialog is modal to it rather than floating free.
    const owner = BrowserWindow.fromWebContents(event.sender);
    const result = owner === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(owner, options);
    return result.canceled || !result.filePath ? null : result.filePath;
  });
}
