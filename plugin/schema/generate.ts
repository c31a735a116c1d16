/**
 * Builds the plugin's Pulumi package schema from the program-side sdk, so that both ways in describe the same
 * resources: each resource's inputs are the properties of its sdk `Args` interface, its outputs the sdk class's declared
 * outputs, and every description is the sdk's own doc comment. What TypeScript cannot say in a schema (a union of a
 * text and an object, a nested type) is decided in `schemaTypes` below; a property the table does not know stops the
 * build. Run by `npm run plugin:schema`, which writes plugin/schema.json; a unit test regenerates it and compares.
 */
import path from "node:path";
import ts from "typescript";
import {
  type ComponentSpec,
  components,
  type FunctionSpec,
  functions,
  pkg,
  type ResourceSpec,
  resources,
} from "./spec";

type Json = Record<string, unknown>;

const root = path.resolve(__dirname, "../..");

/** The schema as JSON text, from the sdk's sources. */
export function generateSchema(): string {
  const files = [
    ...new Set([...resources, ...components, ...functions].flatMap((s) => [s.file, s.outputsFile ?? s.file])),
  ];
  const program = ts.createProgram(
    files.map((f) => path.join(root, f)),
    { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Node16, skipLibCheck: true },
  );
  const reader = new SdkReader(program);
  const types: Record<string, Json> = {};
  for (const [token, type] of Object.entries(pkg.types)) {
    types[`${pkg.name}:index:${token}`] = {
      type: "object",
      description: reader.docOf(type.file, type.name),
      properties: reader.properties(type.file, type.name, type.properties, "output"),
      required: type.required,
    };
  }
  const schema: Json = {
    name: pkg.name,
    displayName: pkg.displayName,
    description: pkg.description,
    keywords: pkg.keywords,
    homepage: pkg.homepage,
    license: pkg.license,
    repository: pkg.repository,
    publisher: pkg.publisher,
    meta: { moduleFormat: "(.*)" },
    language: pkg.language,
    config: { variables: pkg.config.variables },
    provider: {
      description: pkg.config.description,
      inputProperties: pkg.config.variables,
      properties: {},
    },
    types,
    resources: Object.fromEntries([
      ...resources.map((r) => [token(r.name), resource(reader, r)]),
      ...components.map((c) => [token(c.name), component(reader, c)]),
    ]),
    functions: Object.fromEntries(functions.map((f) => [token(f.name), fn(reader, f)])),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function token(name: string): string {
  return `${pkg.name}:index:${name}`;
}

function resource(reader: SdkReader, spec: ResourceSpec): Json {
  const outputsFile = spec.outputsFile ?? spec.file;
  return {
    description: spec.description ?? reader.docOf(spec.file, spec.name),
    inputProperties: reader.properties(spec.file, spec.args, spec.types, "input"),
    requiredInputs: spec.requiredInputs,
    properties: reader.properties(outputsFile, spec.name, spec.types, "output"),
    required: spec.requiredOutputs,
  };
}

function component(reader: SdkReader, spec: ComponentSpec): Json {
  return {
    isComponent: true,
    description: reader.docOf(spec.file, spec.name),
    inputProperties: reader.properties(spec.file, spec.args, spec.types, "input"),
    requiredInputs: spec.requiredInputs,
    properties: reader.properties(spec.file, spec.name, spec.types, "output"),
    required: spec.requiredOutputs,
  };
}

function fn(reader: SdkReader, spec: FunctionSpec): Json {
  return {
    description: reader.docOf(spec.file, spec.name),
    inputs: {
      properties: reader.properties(spec.file, spec.args, spec.types, "input"),
      required: spec.requiredInputs,
    },
    outputs: {
      properties:
        spec.result === undefined
          ? spec.outputs
          : reader.properties(spec.outputsFile ?? spec.file, spec.result, spec.types, "output"),
      required: spec.requiredOutputs,
    },
  };
}

/** Reads declarations and their doc comments from the sdk's sources. */
class SdkReader {
  private readonly checker: ts.TypeChecker;

  constructor(private readonly program: ts.Program) {
    this.checker = program.getTypeChecker();
  }

  private declaration(file: string, name: string): ts.InterfaceDeclaration | ts.ClassDeclaration | ts.Declaration {
    const source = this.program.getSourceFile(path.join(root, file));
    if (!source) throw new Error(`schema: no source file ${file}`);
    let found: ts.Declaration | undefined;
    source.forEachChild((node) => {
      if (
        (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node) || ts.isFunctionDeclaration(node)) &&
        node.name?.text === name
      ) {
        found = node;
      }
    });
    if (!found) throw new Error(`schema: ${file} declares no ${name}`);
    return found;
  }

  /** The doc comment of a declaration, without its `@example` (code in one language only). */
  docOf(file: string, name: string): string {
    const node = this.declaration(file, name) as ts.Declaration & { name: ts.Identifier };
    const symbol = this.checker.getSymbolAtLocation(node.name);
    if (!symbol) throw new Error(`schema: no symbol for ${name}`);
    return cleanDoc(ts.displayPartsToString(symbol.getDocumentationComment(this.checker)));
  }

  /**
   * The schema properties of an interface (an Args) or a class (its public outputs): every property it has must be
   * in `table`, else the build stops; `skip` in the table leaves one out.
   */
  properties(file: string, name: string, table: Record<string, PropertyType>, side: "input" | "output"): Json {
    const node = this.declaration(file, name) as ts.Declaration & { name: ts.Identifier };
    const type = this.checker.getTypeAtLocation(node);
    const result: Json = {};
    for (const property of this.checker.getPropertiesOfType(type)) {
      const decl = property.valueDeclaration ?? property.declarations?.[0];
      // A resource class also has what Pulumi's base classes declare (urn, id, …): only the sdk's own count.
      if (decl?.getSourceFile().fileName.includes("node_modules")) continue;
      if (decl && ts.isClassElement(decl) && !isPublicOutput(decl)) continue;
      const key = property.getName();
      const spec = table[key];
      if (spec === undefined) {
        throw new Error(`schema: ${name}.${key} has no entry in the schema's type table (plugin/schema/spec.ts)`);
      }
      if (spec === "skip" || (spec.side !== undefined && spec.side !== side)) continue;
      const doc = cleanDoc(ts.displayPartsToString(property.getDocumentationComment(this.checker)));
      const { side: _side, ...schemaType } = spec;
      result[key] = { ...schemaType, description: spec.description ?? doc };
    }
    return result;
  }
}

/** One property's schema type; `side` limits it to inputs or outputs; `skip` leaves it out of the schema. */
export type PropertyType = "skip" | (Json & { side?: "input" | "output"; description?: string });

function isPublicOutput(member: ts.ClassElement): boolean {
  const flags = ts.getCombinedModifierFlags(member as unknown as ts.Declaration);
  return ts.isPropertyDeclaration(member) && (flags & ts.ModifierFlags.Public) !== 0;
}

function cleanDoc(text: string): string {
  // TypeDoc's links become plain names: the schema's descriptions are read in every language's SDK.
  return text.replace(/\{@link\s+([^}\s]+)\s*\}/g, "`$1`").trim();
}

if (require.main === module) {
  const out = path.join(root, "plugin/schema.json");
  require("node:fs").writeFileSync(out, generateSchema());
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
