import { modelTemplate } from '../commands/template-schemas';
import { defineRecord } from './define';

/** The model on the canvas of one session: its figure, zones (sides) and the optional picture. */
export const templateRecord = defineRecord({
  key: 'template',
  scope: 'session',
  singleton: true,
  table: 'session_template',
  version: 1,
  migrations: [],
  schema: modelTemplate,
});
