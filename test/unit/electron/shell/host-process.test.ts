import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostArgs, makeToken, startHost } from '../../../../electron/shell/host-process';
import { app, dialog, type FakeUtilityProcess, resetFakes, utilityProcess } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const TOKEN = 'f'.repeat(64);

beforeEach(resetFakes);
afterEach(() => {
  vi.useRealTimers();
});

function start(readyTimeoutMs = 5_000) {
  const started = startHost({ scriptPath: '/app/dist/host/main.mjs', dataDir: '/data dir', token: TOKEN, readyTimeoutMs });
  const child = utilityProcess.forked[0] as FakeUtilityProcess;
  return { started, child };
}

describe('makeToken', () => {
  it('is 32 random bytes in hex, new every time', () => {
    const first = makeToken();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(makeToken()).not.toBe(first);
  });
});

describe('startHost', () => {
  it('forks the host with data folder, port 0 and token, as a named service', () => {
    const { child } = start();
    expect(utilityProcess.fork).toHaveBeenCalledTimes(1);
    expect(child.modulePath).toBe('/app/dist/host/main.mjs');
    expect(child.args).toEqual(['--data', '/data dir', '--port', '0', '--token', TOKEN]);
    expect(child.args).toEqual(hostArgs('/data dir', TOKEN));
    expect(child.options).toEqual({ serviceName: 'Eiland host' });
  });

  it('gives the host the projector window’s own token when there is one', () => {
    const projectorToken = 'b'.repeat(64);
    expect(hostArgs('/data', TOKEN, projectorToken)).toEqual(['--data', '/data', '--port', '0', '--token', TOKEN, '--projector-token', projectorToken]);
  });

  it('resolves with url, port and origin once the host reports ready', async () => {
    const { started, child } = start();
    child.emit('message', { type: 'something-else' });
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:51234/', port: 51234 });
    const host = await started;
    expect(host).not.toBeNull();
    expect(host?.url).toBe('http://127.0.0.1:51234/');
    expect(host?.port).toBe(51234);
    expect(host?.origin).toBe('http://127.0.0.1:51234');
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('shows a Dutch error box and quits when the host exits before ready', async () => {
    const { started, child } = start();
    child.emit('exit', 3);
    await expect(started).resolves.toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, content] = dialog.showErrorBox.mock.calls[0] ?? [];
    expect(title).toBe('Eiland kan niet starten');
    expect(content).toContain('foutcode 3');
    expect(content).toContain('Sluit Eiland en probeer het opnieuw');
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('gives up with an error box when the host stays silent', async () => {
    vi.useFakeTimers();
    const { started, child } = start(1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await expect(started).resolves.toBeNull();
    expect(child.kill).toHaveBeenCalledTimes(1);
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('het reageerde niet op tijd');
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('refuses a ready message that names a non-loopback address', async () => {
    const { started, child } = start();
    child.emit('message', { type: 'ready', url: 'http://192.168.1.10:51234/', port: 51234 });
    await expect(started).resolves.toBeNull();
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('ongeldig adres');
    // The kill's own exit event must not produce a second dialog.
    child.emit('exit', 0);
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
  });

  it('tells the user where a damaged database was set aside', async () => {
    const { started, child } = start();
    child.emit('message', { type: 'database-recovered', movedTo: 'eiland.damaged-2025-01-01.db' });
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const options = dialog.showMessageBox.mock.calls[0]?.[0] as { type: string; title: string; detail: string };
    expect(options.type).toBe('warning');
    expect(options.title).toBe('Beschadigd sessiebestand apart gezet');
    expect(options.detail).toContain('eiland.damaged-2025-01-01.db');
    expect(options.detail).toContain('niet overschreven');
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:1234/', port: 1234 });
    await expect(started).resolves.not.toBeNull();
  });

  it('shows what stops the host from using its data folder instead of a bare exit code', async () => {
    const { started, child } = start();
    child.emit('message', { type: 'start-problem', problem: { kind: 'folder_busy', path: '/data dir', holder: { pid: 4321, startedAt: Date.UTC(2026, 10, 26, 9, 30) } } });
    child.emit('exit', 3);
    await expect(started).resolves.toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, content] = dialog.showErrorBox.mock.calls[0] ?? [];
    expect(title).toBe('Eiland kan je gegevens niet gebruiken');
    expect(content).toContain('Een ander Eiland gebruikt de map /data dir al (proces 4321, gestart op 26 nov 2026');
    expect(content).not.toContain('foutcode');
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('ignores a start problem that does not look like one, and then shows the exit code', async () => {
    const { started, child } = start();
    child.emit('message', { type: 'start-problem', problem: { kind: 'format_disk', path: '/' } });
    child.emit('exit', 3);
    await expect(started).resolves.toBeNull();
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain('foutcode 3');
  });

  it('warns about a read-only database file and carries on starting', async () => {
    const { started, child } = start();
    child.emit('message', { type: 'storage-notice', notice: { kind: 'read_only', path: '/data dir/eiland.sqlite' } });
    const options = dialog.showMessageBox.mock.calls[0]?.[0] as { type: string; title: string; detail: string };
    expect(options).toMatchObject({ type: 'warning', title: 'Let op: je gegevens' });
    expect(options.detail).toContain('Het bestand /data dir/eiland.sqlite kan alleen gelezen worden');
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:1234/', port: 1234 });
    await expect(started).resolves.not.toBeNull();
  });

  it('reports a crash after ready, but not a stop on purpose', async () => {
    const crashing = start();
    crashing.child.emit('message', { type: 'ready', url: 'http://127.0.0.1:1234/', port: 1234 });
    await crashing.started;
    crashing.child.emit('exit', 1);
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Eiland is gestopt', expect.stringContaining('onverwacht gestopt'));
    expect(app.quit).toHaveBeenCalledTimes(1);

    resetFakes();
    const stopping = start();
    stopping.child.emit('message', { type: 'ready', url: 'http://127.0.0.1:1235/', port: 1235 });
    const host = await stopping.started;
    host?.stop();
    expect(stopping.child.kill).toHaveBeenCalledTimes(1);
    stopping.child.emit('exit', 0);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });
});
