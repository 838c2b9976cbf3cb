import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, installMenu, menuLabels, showAboutDialog } from '../../../../electron/shell/menu';
import { app, dialog, Menu, resetFakes } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

beforeEach(resetFakes);

type Item = MenuItemConstructorOptions;

function build(overrides: Partial<{ isMac: boolean; isDev: boolean; locale: string }> = {}) {
  const openProjector = vi.fn();
  const showAbout = vi.fn();
  const template = buildMenuTemplate(menuLabels(overrides.locale ?? 'nl'), {
    isMac: overrides.isMac ?? false,
    isDev: overrides.isDev ?? false,
    openProjector,
    showAbout,
  });
  return { template, openProjector, showAbout };
}

const submenu = (item: Item | undefined): Item[] => (item?.submenu ?? []) as Item[];
const roles = (items: Item[]): (string | undefined)[] => items.map((item) => item.role);
const find = (template: Item[], label: string): Item | undefined =>
  template.flatMap((menu) => submenu(menu)).find((item) => item.label === label);

describe('menuLabels', () => {
  it('is Dutch by default and English for English locales', () => {
    expect(menuLabels('nl-NL').file).toBe('Bestand');
    expect(menuLabels('fr').file).toBe('Bestand');
    expect(menuLabels('en-GB').file).toBe('File');
    expect(menuLabels('EN').openProjector).toBe('Open projector window');
  });
});

describe('buildMenuTemplate', () => {
  it('has the five Dutch menus on Windows and Linux', () => {
    expect(build().template.map((menu) => menu.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Venster', 'Help']);
  });

  it('opens the projector from Bestand with Ctrl/Cmd+P', () => {
    const { template, openProjector } = build();
    const item = submenu(template[0]).find((entry) => entry.label === 'Projectorvenster openen');
    expect(item?.accelerator).toBe('CmdOrCtrl+P');
    item?.click?.({} as never, undefined, {} as never);
    expect(openProjector).toHaveBeenCalledTimes(1);
  });

  it('offers the usual edit roles', () => {
    expect(roles(submenu(build().template[1]))).toEqual(['undo', 'redo', undefined, 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers reload and developer tools only while developing', () => {
    expect(roles(submenu(build({ isDev: false }).template[2]))).not.toContain('reload');
    expect(roles(submenu(build({ isDev: true }).template[2]))).toContain('reload');
    expect(roles(submenu(build({ isDev: false }).template[2]))).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    );
  });

  it('has "Over Eiland" in Help, which shows the about dialog', () => {
    const { template, showAbout } = build();
    find(template, 'Over Eiland')?.click?.({} as never, undefined, {} as never);
    expect(showAbout).toHaveBeenCalledTimes(1);
  });

  it('puts About and Quit in the app menu on macOS', () => {
    const { template } = build({ isMac: true, locale: 'en-US' });
    expect(template.map((menu) => menu.label)).toEqual(['Eiland', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(submenu(template[0])[0]?.label).toBe('About Eiland');
    expect(roles(submenu(template[0]))).toContain('quit');
  });
});

describe('installMenu and the about dialog', () => {
  it('installs the menu in the system language', () => {
    app.locale = 'en-US';
    installMenu(vi.fn());
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(((Menu.current?.template ?? []) as Item[]).map((menu) => menu.label)).toContain('File');
  });

  it('shows the running version', () => {
    showAboutDialog(menuLabels('nl'));
    const options = dialog.showMessageBox.mock.calls[0]?.[0] as { title: string; detail: string };
    expect(options.title).toBe('Over Eiland');
    expect(options.detail).toContain('Versie 9.8.7');
  });
});
