import type { RestoreAnswer } from '../../../shared/backup';
import { API_ROUTES } from '../../../shared/http-routes';
import { apiRoute } from '../http/api-route';
import { json, type Reply } from '../http/reply';
import type { Route } from '../http/router';
import { BackupError, classify } from './errors';
import type { BackupRun, BackupService } from './service';

/**
 * The backups over HTTP, for the facilitator's page: routes of the host's router like the others,
 * declared in shared/http-routes.ts (backups, backupNow, backupSettings, backupRestore), on this
 * computer only and with the facilitator's token. A failure answers `{code, message, folder}`
 * (code: shared/backup.ts) and changes nothing.
 */
export interface BackupRoutes {
  backups: BackupService;
  /** Prepares a restore; the host reopens on it once the answer has been sent (`reopen`). */
  restore(path: string): Promise<RestoreAnswer & { reopen(): void }>;
}

const answerOf = (error: BackupError): Reply => json(error.status, { code: error.code, message: error.text('nl'), folder: error.folder });

/** Every error of a backup route is said in the backups' own words (errors.ts), with its folder. */
function refuse(error: unknown): Reply {
  const known = error instanceof BackupError ? error : classify(error, null);
  if (known.code === 'failed') console.error('Eiland host: backup route failed', error);
  return answerOf(known);
}

/** A run that failed in every folder it tried is the failure of the first. */
function runFailure(run: BackupRun): BackupError | null {
  if (!(run.local instanceof BackupError)) return null;
  if (run.second !== null && !(run.second instanceof BackupError)) return null;
  return run.local;
}

export function backupRoutes(services: BackupRoutes, token: string): Route[] {
  const own = { listeners: ['loopback'] as const, token, refuse };
  const { backups } = services;
  return [
    apiRoute(API_ROUTES.backups, { ...own, handle: () => backups.status() }),
    apiRoute(API_ROUTES.backupNow, {
      ...own,
      async handle() {
        const failed = runFailure(await backups.backupNow());
        if (failed) throw failed;
        return backups.status();
      },
    }),
    apiRoute(API_ROUTES.backupSettings, {
      ...own,
      async handle({ body }) {
        // A first backup into the new folder is part of choosing it; its failure is shown in the status.
        await backups.setSecondFolder(body.secondFolder);
        return backups.status();
      },
    }),
    apiRoute(API_ROUTES.backupRestore, {
      ...own,
      async handle({ body, whenSent }) {
        const answer = await services.restore(await backups.find(body.name, body.folder));
        whenSent(() => answer.reopen());
        return { keptAs: answer.keptAs };
      },
    }),
  ];
}
