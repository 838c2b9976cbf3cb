/**
 * The native application menu, in the shell's language (Dutch unless the facilitator chose
 * English). Every label comes from the one message catalogue in shared/i18n, like the pages' texts.
 * The template is built by a pure function from what the menu shows (recent sessions, the
 * projector's contrast) and what its items do, so it is tested without Electron; `installMenu`
 * builds it again whenever one of those changes.
 */
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Locale, MessageKey } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/messages';
import type { RecentSession } from './recent';

export interface MenuActions {
  openProjector(): void;
  showAbout(): void;
  openArchive(): void;
  showSessions(): void;
  openSession(id: string): void;
  clearRecent(): void;
  setProjectorHighContrast(on: boolean): void;
}

export interface MenuContext extends MenuActions {
  locale: Locale;
  isMac: boolean;
  /** Reload and developer tools only exist while developing: a reload mid-session confuses users. */
  isDev: boolean;
  recent: readonly RecentSession[];
  projectorHighContrast: boolean;
}

/** Menu labels must not turn '&' into an access key (Windows/Linux): a title like "Ik & wij" stays as typed. */
function menuSafe(text: string): string {
  return text.replaceAll('&', '&&');
}

export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(context.locale, key, params);
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = { label: t('menu.about'), click: () => context.showAbout() };

  // macOS puts About and Quit in a menu named after the app; elsewhere they live in Help and File.
  const appMenu: MenuItemConstructorOptions[] = context.isMac
    ? [
        {
          label: t('app.name'),
          submenu: [
            about,
            separator,
            { role: 'hide', label: t('menu.hide') },
            { role: 'hideOthers', label: t('menu.hideOthers') },
            { role: 'unhide', label: t('menu.unhide') },
            separator,
            { role: 'quit', label: t('menu.quit') },
          ],
        },
      ]
    : [];

  const recentItems: MenuItemConstructorOptions[] =
    context.recent.length === 0
      ? [{ label: t('menu.recentEmpty'), enabled: false }]
      : [
          ...context.recent.map((session) => ({ label: menuSafe(session.title), click: () => context.openSession(session.id) })),
          separator,
          { label: t('menu.recentClear'), click: () => context.clearRecent() },
        ];

  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      { label: t('menu.allSessions'), click: () => context.showSessions() },
      { label: t('menu.openArchive'), accelerator: 'CmdOrCtrl+O', click: () => context.openArchive() },
      { label: t('menu.recent'), submenu: recentItems },
      separator,
      { label: t('menu.openProjector'), accelerator: 'CmdOrCtrl+P', click: () => context.openProjector() },
      separator,
      context.isMac ? { role: 'close', label: t('menu.close') } : { role: 'quit', label: t('menu.quit'), accelerator: 'Ctrl+Q' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      separator,
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = context.isDev
    ? [{ role: 'reload', label: t('menu.reload') }, { role: 'toggleDevTools', label: t('menu.toggleDevTools') }, separator]
    : [];

  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      ...devItems,
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: t('menu.toggleFullScreen') },
      separator,
      {
        label: t('menu.highContrast'),
        type: 'checkbox',
        checked: context.projectorHighContrast,
        click: (item) => context.setProjectorHighContrast(item.checked),
      },
    ],
  };

  const window: MenuItemConstructorOptions = {
    label: t('menu.window'),
    submenu: [
      { role: 'minimize', label: t('menu.minimize') },
      { label: t('menu.openProjector'), click: () => context.openProjector() },
      separator,
      { role: 'close', label: t('menu.close') },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t('menu.help'),
    submenu: context.isMac ? [] : [about],
  };

  return [...appMenu, file, edit, view, window, help];
}

/** Shows the About dialog with the running version (from package.json via Electron). */
export function showAboutDialog(locale: Locale): void {
  void dialog.showMessageBox({
    type: 'info',
    title: translate(locale, 'menu.about'),
    message: translate(locale, 'app.name'),
    detail: translate(locale, 'menu.aboutDetail', { version: app.getVersion() }),
    buttons: [translate(locale, 'menu.ok')],
  });
}

/** Builds the menu from the current context and makes it the application menu. */
export function installMenu(context: Omit<MenuContext, 'isMac' | 'isDev'>): void {
  const template = buildMenuTemplate({ ...context, isMac: process.platform === 'darwin', isDev: !app.isPackaged });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
