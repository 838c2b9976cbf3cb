import { EXPORT_EXTENSIONS, exportFileStem } from '../../../shared/http-routes';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { ExportJobRequest } from '../../../shared/jobs';
import { desktopBridge } from '../facilitator/sessions/use-desktop-bridge';
import { type ExportFormat, type ExportJob, fetchJobFile } from './harvest-api';
import { type JobWatcher, runExportJob } from './job-client';

/**
 * Saving one export, the way this window can: in the desktop app the user picks the place in the
 * native save dialog and the host writes the file there; in a browser the host keeps the file and
 * it is fetched and handed to the browser's downloads. Either way the export runs as a job on the
 * host (job-client.ts), with progress, and can be stopped. The result is one of five; nothing throws.
 */
export type SaveResult =
  | { kind: 'saved'; path: string }
  | { kind: 'downloaded'; fileName: string }
  /** The save dialog was closed without a place: nothing started. */
  | { kind: 'cancelled' }
  /** The export was stopped while it ran: nothing was saved. */
  | { kind: 'stopped' }
  | { kind: 'failed'; reason: MessageKey };

/** A title as a file name: what the host's downloads are called too. */
export const fileStem = exportFileStem;

export function exportFileName(stem: string, format: ExportFormat): string {
  if (format === 'csv') return `${stem} notes.csv`;
  if (format === 'votes-csv') return `${stem} votes.csv`;
  return `${stem}.${format}`;
}

/** A save dialog may hand back a name without its extension (Linux does); the host needs one. */
export function withExtension(path: string, format: ExportFormat): string {
  const allowed = EXPORT_EXTENSIONS[format];
  const lower = path.toLowerCase();
  return allowed.some((extension) => lower.endsWith(extension)) ? path : `${path}${allowed[0]}`;
}

/** Hands a file to the browser's downloads. A blob: address is a navigation, which the page's CSP allows. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the address is kept a little longer for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function requestOf(job: ExportJob, path?: string): ExportJobRequest {
  return {
    scope: job.scope,
    id: job.id,
    format: job.format,
    lang: job.lang,
    ...(job.sessions?.length ? { sessions: [...job.sessions] } : {}),
    ...(path === undefined ? {} : { path }),
  };
}

/** `onBusy` is called once the export really starts: after the save dialog, not while it is open. */
export async function saveExport(job: ExportJob, onBusy: () => void, watcher: JobWatcher = {}, stop?: AbortSignal): Promise<SaveResult> {
  const bridge = desktopBridge();
  let path: string | undefined;
  if (bridge) {
    let chosen: string | null;
    try {
      chosen = await bridge.chooseSavePath(job.fileName);
    } catch {
      return { kind: 'failed', reason: 'harvest.error.failed' };
    }
    if (chosen === null) return { kind: 'cancelled' };
    path = withExtension(chosen, job.format);
  }
  onBusy();
  const outcome = await runExportJob(requestOf(job, path), watcher, stop);
  if (outcome.kind !== 'done') return outcome;
  if (outcome.value.path !== undefined) return { kind: 'saved', path: outcome.value.path };
  if (outcome.value.download === undefined) return { kind: 'failed', reason: 'harvest.error.failed' };
  const fetched = await fetchJobFile(outcome.value.download, outcome.value.fileName);
  if (!fetched.ok) return { kind: 'failed', reason: fetched.reason };
  try {
    downloadBlob(fetched.value.blob, fetched.value.fileName);
  } catch {
    return { kind: 'failed', reason: 'harvest.error.failed' };
  }
  return { kind: 'downloaded', fileName: fetched.value.fileName };
}
