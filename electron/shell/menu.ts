/**
 * The native application menu. Dutch by default (Eiland's audience), English when the system
 * locale is English. The label table is deliberately small and self-contained so the shared message
 * catalogue can replace it later without touching the menu structure.
 */
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

const nl = {
  file: 'Bestand',
  edit: 'Bewerken',
  view: 'Beeld',
  window: 'Venster',
  help: 'Help',
  openProjector: 'Projectorvenster openen',
  about: 'Over Eiland',
  aboutDetail: (version: string) => `Versie ${version}\n\nEen offline hulpmiddel voor reflectiesessies.`,
  quit: 'Eiland afsluiten',
  hide: 'Eiland verbergen',
  hideOthers: 'Andere verbergen',
  unhide: 'Alles tonen',
  undo: 'Ongedaan maken',
  redo: 'Opnieuw uitvoeren',
  cut: 'Knippen',
  copy: 'Kopiëren',
  paste: 'Plakken',
  selectAll: 'Alles selecteren',
  reload: 'Opnieuw laden',
  toggleDevTools: 'Ontwikkelhulpmiddelen',
  resetZoom: 'Ware grootte',
  zoomIn: 'Inzoomen',
  zoomOut: 'Uitzoomen',
  toggleFullScreen: 'Volledig scherm',
  minimize: 'Minimaliseren',
  close: 'Venster sluiten',
};

export type MenuLabels = typeof nl;

const en: MenuLabels = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  openProjector: 'Open projector window',
  about: 'About Eiland',
  aboutDetail: (version: string) => `Version ${version}\n\nAn offline tool for reflection sessions.`,
  quit: 'Quit Eiland',
  hide: 'Hide Eiland',
  hideOthers: 'Hide Others',
  unhide: 'Show All',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  reload: 'Reload',
  toggleDevTools: 'Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullScreen: 'Toggle Full Screen',
  minimize: 'Minimize',
  close: 'Close Window',
};

/** English for any English locale ('en', 'en-GB', …); Dutch for everything else. */
export function menuLabels(locale: string): MenuLabels {
  return locale.toLowerCase().startsWith('en') ? en : nl;
}

export interface MenuContext {
  isMac: boolean;
  /** Reload and developer tools only exist while developing: a reload mid-session confuses users. */
  isDev: boolean;
  openProjector(): void;
  showAbout(): void;
}

export function buildMenuTemplate(labels: MenuLabels, context: MenuContext): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = { label: labels.about, click: () => context.showAbout() };

  // macOS puts About and Quit in a menu named after the app; elsewhere they live in Help and File.
  const appMenu: MenuItemConstructorOptions[] = context.isMac
    ? [
        {
          label: 'Eiland',
          submenu: [
            about,
            separator,
            { role: 'hide', label: labels.hide },
            { role: 'hideOthers', label: labels.hideOthers },
            { role: 'unhide', label: labels.unhide },
            separator,
            { role: 'quit', label: labels.quit },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      { label: labels.openProjector, accelerator: 'CmdOrCtrl+P', click: () => context.openProjector() },
      separator,
      context.isMac ? { role: 'close', label: labels.close } : { role: 'quit', label: labels.quit },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [
      { role: 'undo', label: labels.undo },
      { role: 'redo', label: labels.redo },
      separator,
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      { role: 'selectAll', label: labels.selectAll },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = context.isDev
    ? [{ role: 'reload', label: labels.reload }, { role: 'toggleDevTools', label: labels.toggleDevTools }, separator]
    : [];

  const view: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [
      ...devItems,
      { role: 'resetZoom', label: labels.resetZoom },
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      separator,
      { role: 'togglefullscreen', label: labels.toggleFullScreen },
    ],
  };

  const window: MenuItemConstructorOptions = {
    label: labels.window,
    submenu: [
      { role: 'minimize', label: labels.minimize },
      { label: labels.openProjector, click: () => context.openProjector() },
      separator,
      { role: 'close', label: labels.close },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: labels.help,
    submenu: context.isMac ? [] : [about],
  };

  return [...appMenu, file, edit, view, window, help];
}

/** Shows the About dialog with the running version (from package.json via Electron). */
export function showAboutDialog(labels: MenuLabels): void {
  void dialog.showMessageBox({
    type: 'info',
    title: labels.about,
    message: 'Eiland',
    detail: labels.aboutDetail(app.getVersion()),
    buttons: ['OK'],
  });
}

export function installMenu(openProjector: () => void): void {
  const labels = menuLabels(app.getLocale());
  const template = buildMenuTemplate(labels, {
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged,
    openProjector,
    showAbout: () => showAboutDialog(labels),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
