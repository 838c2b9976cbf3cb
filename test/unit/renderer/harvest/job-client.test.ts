import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../../shared/jobs';
import type { PageLocation } from '../../../../renderer/src/client/url';
import { fetchJobFile } from '../../../../renderer/src/harvest/harvest-api';
import { runExportJob, runImportJob, stopJob } from '../../../../renderer/src/harvest/job-client';
import { startTestHost, TEST_TOKEN } from '../../../support/host-harness';
import { fillSession } from '../../../integration/export/session-fixture';

type Host = Awaited<ReturnType<typeof startTestHost>>;

/**
 * The facilitator page's job client against a real host (its export worker included): every way
 * a job can end becomes one outcome, with a message key from the catalogue where it failed.
 */
describe('the harvest job client', () => {
  let host: Host;
  let page: PageLocation;

  beforeAll(async () => {
    host = await startTestHost();
    fillSession(host.engine, { id: 's1', notes: 1500, points: 10, participants: 10 });
    const { port } = new URL(host.url);
    page = { protocol: 'http:', host: `127.0.0.1:${port}`, search: `?token=${TEST_TOKEN}` };
  }, 120_000);
  afterAll(async () => {
    await host?.cleanup();
  });

  it('follows an export to its end and fetches the file it made', async () => {
    const started: string[] = [];
    const seen: JobProgress[] = [];
    const outcome = await runExportJob({ scope: 'session', id: 's1', format: 'pdf' }, { onStarted: (id) => started.push(id), onProgress: (p) => seen.push(p) }, undefined, page);
    expect(outcome.kind).toBe('done');
    if (outcome.kind !== 'done') return;
    expect(started).toHaveLength(1);
    expect(seen.map((p) => p.stage)).toContain('pages');
    expect(outcome.value.download).toBe(`/api/jobs/${started[0]}/file`);
    const file = await fetchJobFile(outcome.value.download as string, 'fallback.pdf', page);
    expect(file.ok && file.value.fileName).toBe('Groot eiland 2024-06-02.pdf');
    expect(file.ok && (await file.value.blob.arrayBuffer()).byteLength).toBe(outcome.value.bytes);
    expect(await fetchJobFile(outcome.value.download as string, 'fallback.pdf', page)).toEqual({ ok: false, reason: 'harvest.error.failed' });
  });

  it('says in the catalogue’s words why an export or import was refused', async () => {
    expect(await runExportJob({ scope: 'session', id: 'nope', format: 'csv' }, {}, undefined, page)).toEqual({ kind: 'failed', reason: 'harvest.error.gone' });
    expect(await runExportJob({ scope: 'session', id: 's1', format: 'csv', path: '/nope/notities.csv' }, {}, undefined, page)).toEqual({
      kind: 'failed',
      reason: 'harvest.error.notWritable',
    });
    expect(await runImportJob(new Blob(['geen archief']), {}, undefined, page)).toEqual({ kind: 'failed', reason: 'archive.notArchive' });
    expect(await runImportJob({ size: 65 * 1024 * 1024 } as Blob, {}, undefined, page)).toEqual({ kind: 'failed', reason: 'archive.tooLarge' });
    const stranger = { ...page, search: '?token=wrong-token-0123456789abcdef' };
    expect(await runExportJob({ scope: 'session', id: 's1', format: 'csv' }, {}, undefined, stranger)).toEqual({ kind: 'failed', reason: 'error.unauthorized' });
  });

  it('ends in "stopped" when the host is asked to stop the job, or the request is dropped', async () => {
    let jobId = '';
    let asked: Promise<boolean> = Promise.resolve(false);
    const outcome = await runExportJob(
      { scope: 'session', id: 's1', format: 'pdf' },
      {
        onStarted: (id) => {
          jobId = id;
        },
        onProgress: (progress) => {
          if (progress.stage === 'pages' && jobId) {
            asked = stopJob(jobId, page);
            jobId = '';
          }
        },
      },
      undefined,
      page,
    );
    expect(outcome).toEqual({ kind: 'stopped' });
    expect(await asked).toBe(true);
    expect(await stopJob('00000000-0000-0000-0000-000000000000', page)).toBe(false);

    const dropping = new AbortController();
    const dropped = await runExportJob({ scope: 'session', id: 's1', format: 'pdf' }, { onProgress: () => dropping.abort() }, dropping.signal, page);
    expect(dropped).toEqual({ kind: 'stopped' });
  });

  it('says the host does not answer when it is gone, mid-job or before', async () => {
    const other = await startTestHost();
    fillSession(other.engine, { id: 's1', notes: 1500, points: 10, participants: 10 });
    const otherPage = { ...page, host: `127.0.0.1:${new URL(other.url).port}` };
    const outcome = await runExportJob({ scope: 'session', id: 's1', format: 'pdf' }, { onProgress: (p) => p.stage === 'pages' && void other.cleanup() }, undefined, otherPage);
    expect(outcome).toEqual({ kind: 'failed', reason: 'harvest.error.noHost' });
    expect(await runExportJob({ scope: 'session', id: 's1', format: 'csv' }, {}, undefined, otherPage)).toEqual({ kind: 'failed', reason: 'harvest.error.noHost' });
  }, 120_000);
});
