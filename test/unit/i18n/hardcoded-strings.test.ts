/**
 * Every word a person reads or hears in the renderer comes from the message catalogue, so Dutch
 * and English are both complete. This walks renderer/src/**.tsx/.ts and fails on any literal
 * user-visible text; the finder itself is tested first, so a finder that finds nothing cannot pass
 * by accident.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findUiStrings } from './find-ui-strings';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(tsx|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const texts = (source: string) => findUiStrings(source, 'sample.tsx').map((found) => found.text);

describe('the finder', () => {
  it('finds JSX text and literal children', () => {
    expect(texts('const a = <p>Opslaan</p>;')).toEqual(['Opslaan']);
    expect(texts("const a = <p>{'Annuleren'}</p>;")).toEqual(['Annuleren']);
    expect(texts("const a = <p>{busy ? 'Bezig…' : t('form.save')}</p>;")).toEqual(['Bezig…']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample source holds a template literal on purpose.
    expect(texts('const a = <p>{`Nog ${n} over`}</p>;')).toEqual(['Nog', 'over']);
  });

  it('finds literals in props people see or hear', () => {
    expect(texts('const a = <button aria-label="Sluiten" />;')).toEqual(['Sluiten']);
    expect(texts("const a = <input placeholder={'Zoek'} title={x ? 'Aan' : 'Uit'} />;")).toEqual(['Zoek', 'Aan', 'Uit']);
    expect(texts('const a = <img alt="Logo" />;')).toEqual(['Logo']);
    expect(texts('const a = <Text text="IK-kant" />;')).toEqual(['IK-kant']);
    expect(texts('const a = <FormDialog title="Nieuw" submitLabel="Maken" />;')).toEqual(['Nieuw', 'Maken']);
  });

  it('finds text put into the page by hand', () => {
    expect(texts("document.title = 'Eiland beamer';")).toEqual(['Eiland beamer']);
    expect(texts("node.textContent = 'Klaar';")).toEqual(['Klaar']);
    expect(texts("window.alert('Fout');")).toEqual(['Fout']);
    expect(texts("if (confirm('Zeker?')) go();")).toEqual(['Zeker?']);
  });

  it('lets through catalogue text, data, class names and typography', () => {
    expect(
      texts(`const a = (
        <div className="session-row" data-id="abc" aria-hidden="true" role="status">
          <span aria-label={t('toast.dismiss')}>×</span>
          <span aria-hidden="true"> · </span>
          {meta.title}
          {meta.group || t('session.noGroup')}
          <input type="search" value={query} />
          <button>{t('selection.rename')} <kbd>F2</kbd></button>
        </div>
      );`),
    ).toEqual([]);
  });
});

describe('renderer/src', () => {
  const files = sourceFiles(join(root, 'renderer/src'));

  it('has sources to check', () => {
    expect(files.filter((file) => file.endsWith('.tsx')).length).toBeGreaterThan(20);
  });

  it('has no user-visible text outside the message catalogue', () => {
    const found = files.flatMap((file) => findUiStrings(readFileSync(file, 'utf8'), relative(root, file)));
    const lines = found.map((hit) => `${hit.file}:${hit.line} ${hit.where}: "${hit.text}"`);
    expect(lines, 'Put these texts in shared/i18n (nl.ts and en.ts) and use t(key)').toEqual([]);
  });
});
