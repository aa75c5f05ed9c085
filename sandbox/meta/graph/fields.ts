/**
 * Graph's `fields` parameter: `id,name,messages.limit(5){id,message,from}`. Nodes answer
 * only what is asked (plus `id`), and an unknown field is an error, as on Graph.
 */
import { graphErrors } from './graph-error.ts';

export interface FieldSpec {
  name: string;
  limit?: number;
  fields?: FieldSpec[];
}

export function parseFields(param: unknown): FieldSpec[] | undefined {
  if (typeof param !== 'string' || param.trim() === '') return undefined;
  const text = param.replace(/\s+/g, '');
  let at = 0;
  const word = () => {
    const match = /^[A-Za-z0-9_]+/.exec(text.slice(at));
    if (!match) throw graphErrors.param(`Syntax error in fields "${text}" at character ${at}`);
    at += match[0].length;
    return match[0];
  };
  const list = (): FieldSpec[] => {
    const specs: FieldSpec[] = [];
    while (at < text.length && text[at] !== '}') {
      const spec: FieldSpec = { name: word() };
      while (text[at] === '.' || text[at] === '{') {
        if (text[at] === '{') {
          at += 1;
          spec.fields = list();
          if (text[at] !== '}') throw graphErrors.param(`Syntax error in fields "${text}": missing }`);
          at += 1;
        } else {
          at += 1;
          const modifier = word();
          const close = text.indexOf(')', at);
          if (text[at] !== '(' || close < 0) throw graphErrors.param(`Syntax error in fields "${text}" at character ${at}`);
          if (modifier === 'limit') spec.limit = Number(text.slice(at + 1, close));
          at = close + 1;
        }
      }
      specs.push(spec);
      if (text[at] === ',') at += 1;
    }
    return specs;
  };
  const specs = list();
  if (at !== text.length) throw graphErrors.param(`Syntax error in fields "${text}" at character ${at}`);
  return specs;
}

export type FieldGetters = Record<string, (spec: FieldSpec) => unknown>;

/** The node's requested fields (or its defaults), always with `id`; absent values are left out. */
export function pick(nodeType: string, getters: FieldGetters, requested: FieldSpec[] | undefined, defaults: string[]): Record<string, unknown> {
  const specs = requested ?? defaults.map((name) => ({ name }));
  const node: Record<string, unknown> = {};
  for (const spec of specs) {
    const get = getters[spec.name];
    if (!get) throw graphErrors.noField(spec.name, nodeType);
    const value = get(spec);
    if (value !== undefined) node[spec.name] = value;
  }
  if (!('id' in node) && getters.id) node.id = getters.id({ name: 'id' });
  return node;
}

/** An edge as Graph returns it: `{ data: [...] }`, cut to `.limit(n)` when asked. */
export function edge<T>(items: T[], spec: FieldSpec, render: (item: T, fields: FieldSpec[] | undefined) => unknown): { data: unknown[] } {
  const kept = spec.limit !== undefined ? items.slice(0, spec.limit) : items;
  return { data: kept.map((item) => render(item, spec.fields)) };
}
