/**
 * Finds user-visible text written straight into the renderer's code instead of coming from the
 * message catalogue (shared/i18n). Parses each file with Babel's TypeScript + JSX parser (the
 * TypeScript 7 package has no compiler API) and reports:
 * - JSX text with a letter in it: `<p>Opslaan</p>`;
 * - a literal with a letter in a prop people see or hear: `aria-label`, `title`, `placeholder`,
 *   `alt`, `label`, … (also through `{'…'}`, a template or `a ? '…' : t(…)`);
 * - a literal with a letter put into the page by hand: `document.title = '…'`, `el.textContent = '…'`,
 *   `alert('…')`, `confirm('…')`.
 * Text without letters (`×`, `·`, `+ `, `…`) is typography, not language, and passes; so do key
 * names inside <kbd> (`Esc`, `F2`): they are what is printed on the keyboard.
 */
import { parse } from '@babel/parser';

export interface UiString {
  file: string;
  line: number;
  text: string;
  where: string;
}

/** Props whose value is read or heard by a person (React DOM, ARIA, Konva's Text, our own components). */
export const VISIBLE_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  'submitLabel',
  'caption',
  'text',
  'heading',
  'hint',
  'message',
]);

const VISIBLE_PROPERTIES = new Set(['title', 'textContent', 'innerText', 'ariaLabel', 'placeholder']);
const VISIBLE_CALLS = new Set(['alert', 'confirm', 'prompt']);
const HAS_LETTER = /\p{L}/u;

interface Node {
  type: string;
  loc?: { start: { line: number } };
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** The literal texts an expression can evaluate to without calling anything (branches included). */
function literalTexts(node: unknown): string[] {
  if (!isNode(node)) return [];
  switch (node.type) {
    case 'StringLiteral':
      return [String(node.value)];
    case 'TemplateLiteral':
      return (node.quasis as { value: { cooked: string } }[]).map((quasi) => quasi.value.cooked);
    case 'ConditionalExpression':
      return [...literalTexts(node.consequent), ...literalTexts(node.alternate)];
    case 'LogicalExpression':
      return [...literalTexts(node.left), ...literalTexts(node.right)];
    case 'BinaryExpression':
      return node.operator === '+' ? [...literalTexts(node.left), ...literalTexts(node.right)] : [];
    case 'JSXExpressionContainer':
    case 'TSAsExpression':
    case 'ParenthesizedExpression':
      return literalTexts(node.expression);
    default:
      return [];
  }
}

function attributeName(node: Node): string | null {
  const name = node.name as Node;
  if (name.type === 'JSXIdentifier') return String(name.name);
  if (name.type === 'JSXNamespacedName') return `${(name.namespace as Node).name}:${(name.name as Node).name}`;
  return null;
}

function calleeName(node: Node): string | null {
  const callee = node.callee as Node;
  if (callee.type === 'Identifier') return String(callee.name);
  if (callee.type === 'MemberExpression' && (callee.property as Node).type === 'Identifier') {
    const object = callee.object as Node;
    if (object.type === 'Identifier' && (object.name === 'window' || object.name === 'globalThis')) return String((callee.property as Node).name);
  }
  return null;
}

/** <kbd>…</kbd>: a key on the keyboard, named as the keyboard names it. */
function isKbd(node: Node): boolean {
  const name = (node.openingElement as Node).name as Node;
  return name.type === 'JSXIdentifier' && name.name === 'kbd';
}

export function findUiStrings(source: string, file: string): UiString[] {
  const ast = parse(source, { sourceType: 'module', plugins: ['typescript', 'jsx'], errorRecovery: false });
  const found: UiString[] = [];
  const report = (node: Node, texts: string[], where: string) => {
    for (const text of texts) {
      const clean = text.replace(/\s+/g, ' ').trim();
      if (HAS_LETTER.test(clean)) found.push({ file, line: node.loc?.start.line ?? 0, text: clean, where });
    }
  };

  const visit = (node: Node): void => {
    if (node.type === 'JSXElement' && isKbd(node)) return;
    if (node.type === 'JSXText') report(node, [String(node.value)], 'JSX text');
    else if (node.type === 'JSXAttribute') {
      const name = attributeName(node);
      if (name !== null && VISIBLE_PROPS.has(name)) report(node, literalTexts(node.value), `prop ${name}`);
    } else if (node.type === 'JSXExpressionContainer' && isNode(node.expression)) {
      // {'Opslaan'} or {busy ? 'Bezig' : t('form.save')} as a child of an element.
      const parentIsChild = node.__child === true;
      if (parentIsChild) report(node, literalTexts(node.expression), 'JSX child');
    } else if (node.type === 'AssignmentExpression') {
      const left = node.left as Node;
      if (left.type === 'MemberExpression' && (left.property as Node).type === 'Identifier' && VISIBLE_PROPERTIES.has(String((left.property as Node).name))) {
        report(node, literalTexts(node.right), `assignment to .${(left.property as Node).name}`);
      }
    } else if (node.type === 'CallExpression') {
      const name = calleeName(node);
      if (name !== null && VISIBLE_CALLS.has(name)) report(node, (node.arguments as unknown[]).flatMap(literalTexts), `${name}()`);
    }

    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'extra' || key === 'comments' || key.startsWith('__')) continue;
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (!isNode(child)) continue;
        // Mark expression containers that are element children (not attribute values).
        if ((node.type === 'JSXElement' || node.type === 'JSXFragment') && key === 'children' && child.type === 'JSXExpressionContainer') {
          child.__child = true;
        }
        visit(child);
      }
    }
  };
  visit(ast.program as unknown as Node);
  return found;
}
