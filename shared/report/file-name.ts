/**
 * A title as a file name, the same for the host's downloads and the desktop's save dialog:
 * characters that no file system takes (or that would make a path) become spaces.
 */
export function fileStem(title: string, date = ''): string {
  return [title, date].filter(Boolean).join(' ').replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim() || 'eiland';
}
