import { modelTemplate } from '../commands/template-schemas';
import { defineRecord } from './define';

/** The model on the canvas of one session: its figure, zones (sides) and the optional picture. */
export const templateRecord = defineRecord({
  key: 'template',
  scope: 'session',
  singleton: true,
  table: 'session_template',
  version: 2,
  migrations: [
    // Version 2 adds zones of the whole session (`whole`, `themeId`) and the sides set aside while a
    // session works per theme; a version 1 template has neither, so it reads as it is.
    (stored) => stored,
  ],
  schema: modelTemplate,
});
