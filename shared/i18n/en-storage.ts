import type { nlStorage } from './nl-storage';

/** English for nl-storage.ts: the same keys, as plain. */
export const enStorage: { readonly [K in keyof typeof nlStorage]: string } = {
  'storage.disk_full':
    'The disk is full. Eiland cannot save anything in {path}. Free up space on this computer and start Eiland again. Nothing was changed or thrown away.',
  'storage.no_permission':
    'Eiland may not open or change {path}: the computer does not give permission. Give your own account access to this folder and file, or choose another folder. Nothing was changed or thrown away.',
  'storage.read_only_folder':
    'Eiland can only read in {path}, not write. It may be a locked USB stick or a read-only disk. Choose a folder you can write in, or make this one writable again. Nothing was changed or thrown away.',
  'storage.read_only_file':
    'The file {path} can only be read, but Eiland needs to write in it. Make the file writable again (not "read-only") and try again. Nothing was changed.',
  'storage.folder_busy':
    'Another Eiland is already using the folder {path} (process {pid}, started {startedAt}). Only one can work in it at a time. Use that Eiland or close it first. Is no Eiland running any more, not even on another computer? Then delete the file eiland.lock in that folder.',
  'storage.newer_version':
    'The file {path} was made by a newer version of Eiland. This version leaves it alone. Install the latest version of Eiland.',
  'storage.damaged':
    'The file {path} is damaged. Start Eiland itself: it will set the file aside and begin with a new one. Nothing was changed.',
  'storage.unknown':
    'Eiland could not open {path} ({detail}). Nothing was changed or thrown away. Try again. If this keeps happening, ask for help and mention this message.',
  'storage.cli_busy':
    'Eiland is running with the folder {path} (process {pid}, started {startedAt}). The command line does not write underneath it. Import the archive in that Eiland (Import archive) or load the example there, or close Eiland and try again. Nothing was changed.',

  'storage.notice.set_aside':
    'The file with your sessions was damaged. Eiland did not overwrite it but set it aside as {path}. Eiland carries on with a new, empty file. Keep the old file if you want someone to look at it later.',
  'storage.notice.orphan_log':
    'The file with your sessions was missing or empty, but the log of the latest changes was still there. Eiland threw nothing away: the log is set aside as {path}. Eiland carries on with a new, empty file. Do you still have the sessions file somewhere? Then ask for help to put it back.',
  'storage.notice.log_dropped':
    'At start, Eiland could not read back {commits} saved change(s): the log was damaged, perhaps by a power cut. A copy of the log is in {path}. The rest of your sessions is still there.',
  'storage.notice.log_dropped_nocopy':
    'At start, Eiland could not read back {commits} saved change(s): the log was damaged, perhaps by a power cut. The rest of your sessions is still there.',
  'storage.notice.read_only':
    'The file {path} can only be read. You can view and export everything, but change nothing. Make the file writable again and start Eiland again to carry on working.',
  'storage.banner.read_only':
    'Read only: Eiland cannot change the file with your sessions. Viewing and exporting still work. Close Eiland, make the file writable again and start again to work.',

  'shell.storageProblemTitle': 'Eiland cannot use your data',
  'shell.storageNoticeTitle': 'Please note: your data',
};
