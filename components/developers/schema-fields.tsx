// A request body's fields, read from its JSON Schema: name, type, required or not, limits, and the
// fields of nested objects and lists of objects.
import { describeConstraints, describeType, type JsonSchema } from "@/lib/api/openapi/reference";

function objectOf(schema: JsonSchema): JsonSchema | undefined {
  if (schema.properties) return schema;
  if (schema.items?.properties) return schema.items;
  return schema.anyOf?.map(objectOf).find(Boolean);
}

export function SchemaFields({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return <p className="text-sm text-slate-600">{describeType(schema)}</p>;
  const required = new Set(schema.required ?? []);
  return (
    <ul className={depth ? "mt-2 space-y-2 border-l border-slate-200 pl-4" : "space-y-2"}>
      {properties.map(([name, property]) => {
        const nested = depth < 4 ? objectOf(property) : undefined;
        const notes = describeConstraints(property);
        return (
          <li key={name} className="text-sm">
            <code className="font-semibold text-slate-900">{name}</code>{" "}
            <span className="text-slate-600">{describeType(property)}</span>{" "}
            {required.has(name) ? <span className="text-xs font-medium text-red-700">required</span> : <span className="text-xs text-slate-500">optional</span>}
            {notes.length ? <span className="text-xs text-slate-500"> · {notes.join(" · ")}</span> : null}
            {property.description ? <p className="text-xs text-slate-600">{property.description}</p> : null}
            {nested ? <SchemaFields schema={nested} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
