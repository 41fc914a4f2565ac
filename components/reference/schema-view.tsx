/**
 * A JSON Schema from the document as a readable tree, on the server: every property with its type,
 * format, whether it is required or nullable, allowed values, limits and description. Nested objects
 * fold away in <details>.
 */
import type { Json, JsonObject } from '@/lib/openapi/bundle';
import { describeType, flattenSchema, type FlatProperty } from '@/lib/openapi/schema';
import { Markdown } from './markdown';

const MAX_DEPTH = 5;

function Constraints({ schema }: { schema: JsonObject }) {
  const parts: string[] = [];
  const add = (label: string, key: string) => {
    if (schema[key] !== undefined) parts.push(`${label} ${JSON.stringify(schema[key])}`);
  };
  add('min', 'minimum');
  add('max', 'maximum');
  add('min length', 'minLength');
  add('max length', 'maxLength');
  add('min items', 'minItems');
  add('max items', 'maxItems');
  add('pattern', 'pattern');
  add('default', 'default');
  if (!parts.length) return null;
  return <p className="mt-1 text-xs text-fd-muted-foreground">{parts.join(' · ')}</p>;
}

function EnumValues({ values }: { values: Json[] }) {
  return (
    <p className="mt-1 flex flex-wrap gap-1 text-xs">
      <span className="text-fd-muted-foreground">One of</span>
      {values.map((v) => (
        <code key={String(v)} className="rounded bg-fd-muted px-1">
          {JSON.stringify(v)}
        </code>
      ))}
    </p>
  );
}

function Property({ doc, prop, depth, seen }: { doc: JsonObject; prop: FlatProperty; depth: number; seen: string[] }) {
  const { schema } = prop;
  const type = describeType(doc, schema);
  const children = depth < MAX_DEPTH ? flattenSchema(doc, schema, seen) : null;
  const head = (
    <div className="flex flex-wrap items-baseline gap-x-2">
      <code className="font-semibold text-fd-foreground">{prop.name}</code>
      <span className="font-mono text-xs text-fd-muted-foreground">{type.label}</span>
      {prop.required ? <span className="text-xs font-medium text-red-600 dark:text-red-400">required</span> : null}
      {schema.readOnly === true ? <span className="text-xs text-fd-muted-foreground">read-only</span> : null}
      {schema.deprecated === true ? <span className="text-xs text-amber-600">deprecated</span> : null}
    </div>
  );
  const body = (
    <>
      {typeof type.description === 'string' ? <Markdown text={type.description} /> : null}
      {type.enum ? <EnumValues values={type.enum} /> : null}
      <Constraints schema={type.resolved} />
    </>
  );
  return (
    <li className="border-b py-2.5 last:border-b-0" id={prop.anchor}>
      {head}
      <div className="mt-0.5 text-sm text-fd-muted-foreground">{body}</div>
      {children && children.properties.length ? (
        <details className="mt-2 rounded-lg border px-3" open={depth === 0 && children.properties.length <= 6}>
          <summary className="cursor-pointer py-1.5 text-xs font-medium text-fd-muted-foreground">
            {children.properties.length} {type.isArray ? 'fields of each item' : 'fields'}
            {children.name ? ` · ${children.name}` : ''}
          </summary>
          <ul>
            {children.properties.map((p) => (
              <Property key={p.name} doc={doc} prop={p} depth={depth + 1} seen={children.seen} />
            ))}
          </ul>
        </details>
      ) : null}
      {children?.variants.length ? <Variants doc={doc} variants={children.variants} depth={depth + 1} seen={children.seen} /> : null}
    </li>
  );
}

function Variants({
  doc,
  variants,
  depth,
  seen,
}: {
  doc: JsonObject;
  variants: { title: string; schema: JsonObject }[];
  depth: number;
  seen: string[];
}) {
  return (
    <div className="mt-2 flex flex-col gap-2">
      {variants.map((v) => {
        const flat = flattenSchema(doc, v.schema, seen);
        return (
          <details key={v.title} className="rounded-lg border px-3">
            <summary className="cursor-pointer py-1.5 text-xs font-medium">One of: {v.title}</summary>
            <ul>
              {flat.properties.map((p) => (
                <Property key={p.name} doc={doc} prop={p} depth={depth + 1} seen={flat.seen} />
              ))}
            </ul>
          </details>
        );
      })}
    </div>
  );
}

export function SchemaView({ doc, schema, idPrefix }: { doc: JsonObject; schema: Json; idPrefix?: string }) {
  const flat = flattenSchema(doc, schema, [], idPrefix);
  const type = describeType(doc, schema);
  if (!flat.properties.length && !flat.variants.length)
    return (
      <p className="text-sm">
        <span className="font-mono text-xs text-fd-muted-foreground">{type.label}</span>
        {typeof type.description === 'string' ? <Markdown text={type.description} /> : null}
      </p>
    );
  return (
    <div>
      {type.isArray ? <p className="mb-1 text-xs text-fd-muted-foreground">An array; each item has these fields:</p> : null}
      <ul className="text-sm">
        {flat.properties.map((p) => (
          <Property key={p.name} doc={doc} prop={p} depth={0} seen={flat.seen} />
        ))}
      </ul>
      {flat.variants.length ? <Variants doc={doc} variants={flat.variants} depth={0} seen={flat.seen} /> : null}
    </div>
  );
}
