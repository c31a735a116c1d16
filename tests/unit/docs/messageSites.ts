import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { type Bindings, SourceTexts, unbound } from "./sourceTexts";

// Every place in the provider's and the sdk's sources that makes a text the user may see (an error, a check failure's
// reason, a context prefixed to Okta's error, a line printed to the CLI), with the texts it can make (`sourceTexts`).

export { hole, normalized } from "./sourceTexts";

/** One place in the sources that makes a user-visible text. */
export interface MessageSite {
  /** Path from the repository root, e.g. `provider/okta/config.ts`. */
  file: string;
  line: number;
  /**
   * What makes it: `new Error`, `explainedError`, `reason`, `context`, `tellUser`, `printed`, …; `part` for a piece of
   * a message that another site joins, which needs no entry of its own.
   */
  kind: string;
  /** Every text the site can make, whitespace collapsed, with a hole for each run-time part. */
  patterns: string[];
}

/** Object properties that hold a message or a part of one (a check failure's reason, an Okta error's summary). */
const messageProperties = ["reason", "summary", "attempts", "note"];
/** How far calls are followed outwards to bind a message's parameters, and how many bindings a site is read with. */
const maxCallLevels = 3;
const maxBindings = 256;
/** Calls whose first argument (or, for `withContext(e, …)`, second) is a message. */
const messageCalls = new Map([
  ["explainedError", "explainedError"],
  ["tellUser", "tellUser"],
  ["withContext", "context"],
]);

/** Every message site of the `.ts` files (tests excluded) under `roots`, relative to `repo`. */
export function messageSites(repo: string, roots: string[]): MessageSite[] {
  const files = roots.flatMap((root) => sourceFiles(path.join(repo, root)));
  const program = ts.createProgram(files, { noResolve: true, noEmit: true, types: [], target: ts.ScriptTarget.ES2022 });
  const ours = program.getSourceFiles().filter((sf) => files.includes(path.resolve(sf.fileName)));
  const texts = new SourceTexts(program, ours);
  const callsOf = new Map<ts.Declaration, ts.CallExpression[]>();
  const found: { node: ts.Expression; kind: string }[] = [];
  const take = (node: ts.Expression | undefined, kind: string) => {
    if (node) found.push({ node, kind });
  };

  for (const sf of ours) {
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && node.expression.getText(sf) === "Error") take(node.arguments?.[0], "new Error");
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee)
          ? callee.text
          : ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : "";
        const [first, second] = node.arguments;
        const spoken = first !== undefined && /\s/.test(first.getText(sf));
        const fn = texts.functionOf(callee);
        if (fn) callsOf.set(fn, [...(callsOf.get(fn) ?? []), node]);
        // The message of an error class of our own (OktaApiError's `super(…)`).
        if (callee.kind === ts.SyntaxKind.SuperKeyword) {
          take(first, "error class");
          // A base class's constructor is bound through its subclasses' `super(…)` (RotatingCredential's spec).
          const base = baseConstructor(node, texts);
          if (base) callsOf.set(base, [...(callsOf.get(base) ?? []), node]);
        }
        const kind = messageCalls.get(name);
        if (kind) take(name === "withContext" && ts.isIdentifier(callee) ? second : first, kind);
        if (/^console\.(error|warn|log)$|^pulumi\.log\./.test(callee.getText(sf))) take(first, "printed");
        // A function handed in as a parameter (RotatingClientSecret's `say`) that a message is passed to.
        const declaration = ts.isIdentifier(callee) ? texts.symbolOf(callee)?.declarations?.[0] : undefined;
        if (declaration && ts.isParameter(declaration) && spoken) take(first, "callback");
        // A piece pushed onto a list that a message joins (`unseen.push(…)`): matched, not an entry of its own.
        if (name === "push" && spoken) take(first, "part");
      }
      // A kind's message table (`clientSecretMessages`): each member makes a whole message, read where it is written.
      if (isMessageTableMember(node)) {
        const fn = ts.isMethodDeclaration(node)
          ? node
          : ts.isShorthandPropertyAssignment(node)
            ? texts.shorthandValue(node)
            : (node as ts.PropertyAssignment).initializer;
        if (
          fn &&
          (ts.isArrowFunction(fn) ||
            ts.isFunctionExpression(fn) ||
            ts.isFunctionDeclaration(fn) ||
            ts.isMethodDeclaration(fn))
        ) {
          const body = fn.body;
          if (body && ts.isBlock(body)) for (const returned of returnedBy(body)) take(returned, "message");
          else if (body) take(body as ts.Expression, "message");
        }
      }
      if (ts.isPropertyAssignment(node) && messageProperties.includes(node.name.getText(sf))) {
        take(node.initializer, node.name.getText(sf));
      }
      if (ts.isShorthandPropertyAssignment(node) && messageProperties.includes(node.name.text)) {
        take(node.name, node.name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  // What a function's parameters can be bound to: nothing, or the arguments of each of its calls, read with the
  // bindings of the function that makes the call (so `say(…)` inside `startRotation(kind, …)` knows `kind`).
  const bindingsFor = (fn: ts.FunctionLikeDeclaration, level: number): Bindings[] => {
    const out: Bindings[] = [unbound];
    if (level >= maxCallLevels) return out;
    for (const call of callsOf.get(fn) ?? []) {
      const caller = enclosingFunction(call);
      for (const env of caller ? bindingsFor(caller, level + 1) : [unbound]) {
        const bound = new Map(env);
        fn.parameters.forEach((p, i) => {
          const arg = call.arguments[i];
          if (arg) bound.set(p, [{ expr: arg, env }]);
        });
        out.push(bound);
      }
    }
    return out.slice(0, maxBindings);
  };

  // A site inside helpers whose parameters carry the message is read with every binding of each enclosing function.
  const sites = found.map(({ node, kind }) => {
    const sf = node.getSourceFile();
    let envs: Bindings[] = [unbound];
    for (const fn of enclosingFunctions(node)) {
      const outer = bindingsFor(fn, 0);
      // Each binding of the inner functions first with the outer one unbound (`outer[0]`), so a cut keeps them all.
      envs = outer.flatMap((env) => envs.map((inner) => new Map([...env, ...inner]))).slice(0, maxBindings);
    }
    const readings = envs.map((env) => texts.textsOf(node, env));
    return {
      file: path.relative(repo, sf.fileName),
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      kind,
      patterns: [...new Set(readings.flat())],
    };
  });
  return sites.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/**
 * True for a member of an object literal that a `const …Messages` holds: a credential kind's table of messages, each a
 * function that makes one whole message (`CredentialMessages`).
 */
function isMessageTableMember(node: ts.Node): boolean {
  if (!ts.isPropertyAssignment(node) && !ts.isMethodDeclaration(node) && !ts.isShorthandPropertyAssignment(node)) {
    return false;
  }
  const table = node.parent;
  if (!ts.isObjectLiteralExpression(table)) return false;
  const holder = table.parent;
  return ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) && holder.name.text.endsWith("Messages");
}

/** The expressions a function body returns (not those of functions nested in it). */
function returnedBy(body: ts.Block): ts.Expression[] {
  const out: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) out.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}

/** The functions `node` is written in, innermost first. */
function enclosingFunctions(node: ts.Node): ts.FunctionLikeDeclaration[] {
  const out: ts.FunctionLikeDeclaration[] = [];
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) out.push(fn);
  return out;
}

/** The constructor of the class that the class holding a `super(…)` call extends, if it is one of ours. */
function baseConstructor(call: ts.CallExpression, texts: SourceTexts): ts.ConstructorDeclaration | undefined {
  let at: ts.Node | undefined = call.parent;
  while (at && !ts.isClassDeclaration(at)) at = at.parent;
  const heritage = at?.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  const base = heritage && texts.symbolOf(heritage.expression)?.declarations?.find(ts.isClassDeclaration);
  return base?.members.find(ts.isConstructorDeclaration);
}

function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let at = node.parent; at; at = at.parent) {
    if (ts.isFunctionDeclaration(at) || ts.isMethodDeclaration(at) || ts.isConstructorDeclaration(at)) return at;
    if (ts.isArrowFunction(at) || ts.isFunctionExpression(at)) return at;
  }
  return undefined;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.resolve(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}
