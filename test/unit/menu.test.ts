/** The application menu, read as data (no Electron needed). */
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { aboutDetail, menuTemplate, type MenuActions } from '../../electron/main/menu';

const actions = (): MenuActions => ({ openDataFolder: vi.fn(), openLogsFolder: vi.fn(), showAbout: vi.fn() });
const submenu = (menu: MenuItemConstructorOptions[], label: string) => {
  const found = menu.find((item) => item.label === label || item.role === label);
  if (!found) throw new Error(`no ${label} menu`);
  return (found.submenu ?? []) as MenuItemConstructorOptions[];
};
const find = (items: MenuItemConstructorOptions[], id: string) => items.find((item) => item.id === id);
const roles = (items: MenuItemConstructorOptions[]) => items.map((item) => item.role).filter(Boolean);

describe('menuTemplate', () => {
  it('has File (open data folder, quit), View and Help (about, logs folder) on Linux and Windows', () => {
    const callbacks = actions();
    const menu = menuTemplate({ productName: 'Slashboard', platform: 'linux', development: false }, callbacks);
    expect(menu.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    const file = submenu(menu, 'File');
    expect(file.map((item) => item.label ?? item.type)).toEqual(['Open Data Folder', 'separator', 'Quit']);
    expect(find(file, 'quit')?.role).toBe('quit');

    const help = submenu(menu, 'help');
    expect(help.map((item) => item.label ?? item.type)).toEqual(['About Slashboard', 'separator', 'Open Logs Folder', 'Open Data Folder']);
    const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();
    click(find(help, 'about'));
    click(find(help, 'open-logs-folder'));
    click(find(file, 'open-data-folder'));
    expect(callbacks.showAbout).toHaveBeenCalledTimes(1);
    expect(callbacks.openLogsFolder).toHaveBeenCalledTimes(1);
    expect(callbacks.openDataFolder).toHaveBeenCalledTimes(1);
  });

  it('shows reload and developer tools only in development', () => {
    const packaged = submenu(menuTemplate({ productName: 'Slashboard', platform: 'win32', development: false }, actions()), 'View');
    const development = submenu(menuTemplate({ productName: 'Slashboard', platform: 'win32', development: true }, actions()), 'View');
    expect(roles(packaged)).not.toContain('reload');
    expect(roles(packaged)).not.toContain('toggleDevTools');
    expect(roles(development)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('puts About and Quit in the app menu on macOS', () => {
    const menu = menuTemplate({ productName: 'Slashboard', platform: 'darwin', development: false }, actions());
    const appMenu = submenu(menu, 'Slashboard');
    expect(appMenu[0]?.label).toBe('About Slashboard');
    expect(roles(appMenu)).toContain('quit');
    expect(roles(submenu(menu, 'File'))).toEqual(['close']);
  });
});

describe('aboutDetail', () => {
  it('names the version, the runtime versions and the data folder', () => {
    const text = aboutDetail({ productName: 'Slashboard', version: '0.1.0', electron: '45.4.1', chrome: '142.0', node: '22.20.0', dataDir: '/home/u/.config/Slashboard', logsDir: '/home/u/.config/Slashboard/logs' });
    expect(text).toContain('Version 0.1.0');
    expect(text).toContain('Electron 45.4.1 · Chromium 142.0 · Node 22.20.0');
    expect(text).toContain('Data folder: /home/u/.config/Slashboard');
    expect(text).toContain('/home/u/.config/Slashboard/logs');
  });
});
