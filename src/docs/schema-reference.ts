import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EditionSchema } from '../load/edition.ts';
import { QuestionnaireSchema } from '../load/questionnaire.ts';
import { EDITION_FIELDS, QUESTIONNAIRE_FIELDS } from './field-descriptions.ts';
import { generatedBegin, spliceGenerated } from './generated-section.ts';

/**
 * The reference of edition.yaml and questionnaire.yaml, generated from the zod schemas the loader
 * validates with (so it cannot drift from them): JSON Schema files for editors (VS Code's YAML
 * extension validates and completes with them) and the field tables in docs/vragenlijst-en-editie.md.
 * `npm run docs` writes them; a test fails when they are stale.
 */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  [k: string]: unknown;
}

export interface SchemaFile {
  /** docs/schema/<name>.schema.json */
  name: string;
  /** The YAML file it describes. */
  file: string;
  schema: z.ZodType;
  descriptions: Record<string, string>;
}

export const SCHEMA_FILES: SchemaFile[] = [
  { name: 'edition', file: 'edition.yaml', schema: EditionSchema, descriptions: EDITION_FIELDS },
  { name: 'questionnaire', file: 'questionnaire.yaml', schema: QuestionnaireSchema, descriptions: QUESTIONNAIRE_FIELDS },
];

export const REFERENCE_DOC = 'docs/vragenlijst-en-editie.md';
const BEGIN = generatedBegin("de schema's");

export interface Field {
  path: string;
  schema: JsonSchema;
  required: boolean;
  /** Path of the table it belongs in: '' for the top level, 'products[]', … */
  parent: string;
}

/** The JSON Schema of a file, with every field's description (the schema's own, else the table's). */
export function jsonSchema(f: SchemaFile): { schema: JsonSchema; fields: Field[]; missing: string[]; unused: string[] } {
  const schema = z.toJSONSchema(f.schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as JsonSchema;
  const fields = fieldsOf(schema);
  const missing: string[] = [];
  for (const field of fields) {
    field.schema.description ??= f.descriptions[field.path];
    if (!field.schema.description) missing.push(field.path);
  }
  const paths = new Set(fields.map((x) => x.path));
  const unused = Object.keys(f.descriptions).filter((p) => !paths.has(p));
  return { schema: { ...schema, title: `${f.file} (eindrapport)` }, fields, missing, unused };
}

function fieldsOf(root: JsonSchema): Field[] {
  const out: Field[] = [];
  const visit = (s: JsonSchema, path: string) => {
    const object = objectOf(s);
    if (!object) return;
    const req = new Set(object.required ?? []);
    for (const [name, child] of Object.entries(object.properties ?? {})) {
      const p = path ? `${path}.${name}` : name;
      out.push({ path: p, schema: child, required: req.has(name), parent: path });
      nested(child, p);
    }
    if (typeof object.additionalProperties === 'object') {
      const p = `${path}.*`;
      out.push({ path: p, schema: object.additionalProperties, required: false, parent: path });
      nested(object.additionalProperties, p);
    }
  };
  const nested = (s: JsonSchema, p: string) => {
    const array = variants(s).find((v) => v.type === 'array');
    if (array?.items) visit(array.items, `${p}[]`);
    else visit(s, p);
  };
  visit(root, '');
  return out;
}

function variants(s: JsonSchema): JsonSchema[] {
  return s.anyOf ? s.anyOf.flatMap(variants) : [s];
}

function objectOf(s: JsonSchema): JsonSchema | undefined {
  return variants(s).find((v) => v.type === 'object' && (v.properties || typeof v.additionalProperties === 'object'));
}

/** "geheel getal (2000–2100)", "datum (JJJJ-MM-DD)", "een van: `likert`, `yesno`" … */
export function typeText(s: JsonSchema): string {
  const parts = variants(s).map((v): string => {
    if (v.enum) return `een van: ${v.enum.map((e) => `\`${String(e)}\``).join(', ')}`;
    if (v.const !== undefined) return `\`${String(v.const)}\``;
    switch (v.type) {
      case 'string':
        if (v.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return 'datum (JJJJ-MM-DD)';
        if (v.pattern && /a-z0-9/.test(v.pattern)) return 'sleutel (kleine letters, cijfers, streepjes)';
        return 'tekst';
      case 'integer':
      case 'number': {
        const word = v.type === 'integer' ? 'geheel getal' : 'getal';
        const lo = v.exclusiveMinimum !== undefined ? `> ${v.exclusiveMinimum}` : v.minimum !== undefined && v.minimum > -1e15 ? `≥ ${v.minimum}` : null;
        const hi = v.maximum !== undefined && v.maximum < 1e15 ? v.maximum : null;
        if (v.minimum !== undefined && v.minimum > -1e15 && hi !== null) return `${word} (${v.minimum}–${hi})`;
        return lo ? `${word} (${lo})` : word;
      }
      case 'boolean':
        return '`true` of `false`';
      case 'null':
        return 'leeg (`null`)';
      case 'array':
        return v.items && objectOf(v.items) ? 'lijst (zie hieronder)' : `lijst van ${v.items ? typeText(v.items) : 'waarden'}`;
      case 'object':
        return typeof v.additionalProperties === 'object' ? 'namen, elk met (zie hieronder)' : 'groep velden (zie hieronder)';
      default:
        return 'waarde';
    }
  });
  return [...new Set(parts)].join(' of ');
}

function defaultText(s: JsonSchema): string {
  if (s.default === undefined) return '';
  return `\`${JSON.stringify(s.default).replace(/"([\w-]+)":/g, '$1: ').replace(/,/g, ', ')}\``;
}

/** The generated part of docs/vragenlijst-en-editie.md: one table per level of each file. */
export function referenceTables(): string {
  const out: string[] = [];
  for (const f of SCHEMA_FILES) {
    const { fields } = jsonSchema(f);
    out.push(`### ${f.file}`, '', `JSON Schema: \`docs/schema/${f.name}.schema.json\`.`, '');
    const parents = [...new Set(fields.map((x) => x.parent))];
    for (const parent of parents) {
      if (parent) out.push(`#### ${f.file}: \`${parent}\``, '');
      out.push('| veld | soort | verplicht | standaard | betekenis |', '|---|---|---|---|---|');
      for (const x of fields.filter((y) => y.parent === parent)) {
        const name = parent ? x.path.slice(parent.length + 1) : x.path;
        const cell = (t: string) => t.replaceAll('|', '\\|').replace(/\s+/g, ' ');
        out.push(`| \`${name}\` | ${cell(typeText(x.schema))} | ${x.required ? 'ja' : 'nee'} | ${cell(defaultText(x.schema))} | ${cell(x.schema.description ?? '')} |`);
      }
      out.push('');
    }
  }
  return out.join('\n').trimEnd();
}

/** Every generated file, path relative to the repository → content. */
export function generatedFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of SCHEMA_FILES) files.set(`docs/schema/${f.name}.schema.json`, `${JSON.stringify(jsonSchema(f).schema, null, 2)}\n`);
  files.set(REFERENCE_DOC, spliceGenerated(readFileSync(join(root, REFERENCE_DOC), 'utf8'), REFERENCE_DOC, BEGIN, referenceTables()));
  return files;
}
