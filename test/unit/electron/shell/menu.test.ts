import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, installMenu, type MenuContext, showAboutDialog } from '../../../../electron/shell/menu';
import { catalogue, type Locale } from '../../../../shared/i18n/messages';
import { app, dialog, Menu, resetFakes } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

beforeEach(resetFakes);

type Item = MenuItemConstructorOptions;

function context(overrides: Partial<MenuContext> = {}): MenuContext {
  return {
    locale: 'nl',
    isMac: false,
    isDev: false,
    recent: [],
    projectorHighContrast: false,
    openProjector: vi.fn(),
    showAbout: vi.fn(),
    openArchive: vi.fn(),
    showSessions: vi.fn(),
    openSession: vi.fn(),
    clearRecent: vi.fn(),
    setProjectorHighContrast: vi.fn(),
    ...overrides,
  };
}

const submenu = (item: Item | undefined): Item[] => (item?.submenu ?? []) as Item[];
const roles = (items: Item[]): (string | undefined)[] => items.map((item) => item.role);
const all = (items: Item[]): Item[] => items.flatMap((item) => [item, ...all(submenu(item))]);
const find = (template: Item[], label: string): Item | undefined => all(template).find((item) => item.label === label);
const click = (item: Item | undefined, checked = false) => item?.click?.({ checked } as never, undefined, {} as never);

describe('menu labels', () => {
  it.each(['nl', 'en'] as Locale[])('all come from the %s catalogue (no text of its own)', (locale) => {
    const texts = new Set(Object.values(catalogue[locale]));
    for (const isMac of [false, true]) {
      const labels = all(buildMenuTemplate(context({ locale, isMac, isDev: true }))).flatMap((item) => (item.label ? [item.label] : []));
      expect(labels.length).toBeGreaterThan(20);
      for (const label of labels) expect(texts.has(label), label).toBe(true);
    }
  });

  it('has the five Dutch menus by default, and English ones for English', () => {
    expect(buildMenuTemplate(context()).map((menu) => menu.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Venster', 'Help']);
    expect(buildMenuTemplate(context({ locale: 'en' })).map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });
});

describe('buildMenuTemplate', () => {
  it('opens the projector from Bestand with Ctrl/Cmd+P and an archive with Ctrl/Cmd+O', () => {
    const menu = context();
    const template = buildMenuTemplate(menu);
    const projector = find(template, 'Beamervenster openen');
    expect(projector?.accelerator).toBe('CmdOrCtrl+P');
    click(projector);
    expect(menu.openProjector).toHaveBeenCalledTimes(1);
    const archive = find(template, 'Archief openen…');
    expect(archive?.accelerator).toBe('CmdOrCtrl+O');
    click(archive);
    expect(menu.openArchive).toHaveBeenCalledTimes(1);
    click(find(template, 'Alle sessies'));
    expect(menu.showSessions).toHaveBeenCalledTimes(1);
  });

  it('lists recent sessions, opens one by id, and can clear the list', () => {
    const menu = context({ recent: [{ id: 's2', title: 'Stuurgroep & partners' }, { id: 's1', title: 'Programmateam' }] });
    const recent = submenu(find(buildMenuTemplate(menu), 'Recente sessies'));
    expect(recent.map((item) => item.label ?? item.type)).toEqual(['Stuurgroep && partners', 'Programmateam', 'separator', 'Lijst wissen']);
    click(recent[1]);
    expect(menu.openSession).toHaveBeenCalledWith('s1');
    click(recent[3]);
    expect(menu.clearRecent).toHaveBeenCalledTimes(1);
  });

  it('says so when no session was opened yet', () => {
    const recent = submenu(find(buildMenuTemplate(context()), 'Recente sessies'));
    expect(recent).toEqual([{ label: 'Nog geen sessies geopend', enabled: false }]);
  });

  it('offers the usual edit roles', () => {
    expect(roles(submenu(buildMenuTemplate(context())[1]))).toEqual(['undo', 'redo', undefined, 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers reload and developer tools only while developing', () => {
    expect(roles(submenu(buildMenuTemplate(context({ isDev: false }))[2]))).not.toContain('reload');
    expect(roles(submenu(buildMenuTemplate(context({ isDev: true }))[2]))).toContain('toggleDevTools');
    expect(roles(submenu(buildMenuTemplate(context())[2]))).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
  });

  it('switches the projector to high contrast from Beeld', () => {
    const menu = context({ projectorHighContrast: true });
    const item = find(buildMenuTemplate(menu), 'Beamer met hoog contrast');
    expect(item).toMatchObject({ type: 'checkbox', checked: true });
    click(item, false);
    expect(menu.setProjectorHighContrast).toHaveBeenCalledWith(false);
  });

  it('has "Over Eiland" in Help and Quit with Ctrl+Q in Bestand on Windows and Linux', () => {
    const menu = context();
    const template = buildMenuTemplate(menu);
    click(find(template, 'Over Eiland'));
    expect(menu.showAbout).toHaveBeenCalledTimes(1);
    expect(find(template, 'Eiland afsluiten')).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
  });

  it('puts About and Quit in the app menu on macOS', () => {
    const template = buildMenuTemplate(context({ isMac: true, locale: 'en' }));
    expect(template.map((menu) => menu.label)).toEqual(['Eiland', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(submenu(template[0])[0]?.label).toBe('About Eiland');
    expect(roles(submenu(template[0]))).toContain('quit');
    expect(roles(submenu(template[1]))).not.toContain('quit');
  });
});

describe('installMenu and the about dialog', () => {
  it('installs the menu in the given language, as a developer build while not packaged', () => {
    installMenu({ ...context({ locale: 'en' }) });
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const template = (Menu.current?.template ?? []) as Item[];
    expect(template.map((menu) => menu.label)).toContain('File');
    expect(roles(all(template))).toContain('reload');
    app.isPackaged = true;
    installMenu({ ...context() });
    expect(roles(all((Menu.current?.template ?? []) as Item[]))).not.toContain('reload');
  });

  it('shows the running version in the chosen language', () => {
    showAboutDialog('nl');
    const options = dialog.showMessageBox.mock.calls[0]?.[0] as { title: string; detail: string; buttons: string[] };
    expect(options.title).toBe('Over Eiland');
    expect(options.detail).toContain('Versie 9.8.7');
    showAboutDialog('en');
    const english = dialog.showMessageBox.mock.calls[1]?.[0] as { detail: string } | undefined;
    expect(english?.detail).toContain('Version 9.8.7');
  });
});
