import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

// Reads the provider's and the sdk's sources with the TypeScript compiler and lists every place that makes a text the
// user may see (an error, a check failure's reason, a context prefixed to Okta's error, a line printed to the CLI),
// with the texts it can make. A text is a pattern: literal parts, and `hole` where a value only known at run time goes
// (an id, Okta's answer, another error's message). Constants, parameters with their defaults and the arguments of each
// call, string-returning helpers and conditional alternatives are followed, so a message built from several pieces
// of one module reads as the user sees it.

/** Stands for a part of a message known only at run time. */
export const hole = "\u0000";

/** One place in the sources that makes a user-visible text. */
export interface MessageSite {
  /** Path from the repository root, e.g. `provider/okta/config.ts`. */
  file: string;
  line: number;
  /** What makes it: `new Error`, `explainedError`, `reason`, `context`, `tellUser`, `printed`, …; `part` for a piece
   * of a message that another site joins, which needs no entry of its own. */
  kind: string;
  /** Every text the site can make, whitespace collapsed, with {@link hole} for the run-time parts. */
  patterns: string[];
}

const maxAlternatives = 256;
const maxDepth = 12;
/** Object properties that hold a message or a part of one (a check failure's reason, an Okta error's summary). */
const messageProperties = ["reason", "summary", "attempts"];
/** Calls whose first argument (or, for `withContext(e, …)`, second) is a message. */
const messageCalls = new Map([
  ["explainedError", "explainedError"],
  ["tellUser", "tellUser"],
  ["withContext", "context"],
]);

type Env = ReadonlyMap<ts.Declaration, { expr: ts.Expression; env: Env }[]>;
const emptyEnv: Env = new Map();

/** Every message site of the `.ts` files (tests excluded) under `roots`, relative to `repo`. */
export function messageSites(repo: string, roots: string[]): MessageSite[] {
  const files = roots.flatMap((root) => sourceFiles(path.join(repo, root)));
  const program = ts.createProgram(files, { noResolve: true, noEmit: true, types: [], target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const ours = program.getSourceFiles().filter((sf) => files.includes(path.resolve(sf.fileName)));
  const assignments = new Map<ts.Symbol, ts.Expression[]>();
  const callsOf = new Map<ts.Declaration, ts.CallExpression[]>();
  const found: { node: ts.Expression; kind: string }[] = [];

  const symbolOf = (node: ts.Node): ts.Symbol | undefined => {
    const symbol = checker.getSymbolAtLocation(node);
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  };
  const functionOf = (callee: ts.Expression): ts.FunctionLikeDeclaration | undefined => {
    const declaration = symbolOf(callee)?.declarations?.[0];
    if (declaration && (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)))
      return declaration;
    const init = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
    return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
  };

  for (const sf of ours) {
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const symbol = symbolOf(node.left);
        if (symbol) assignments.set(symbol, [...(assignments.get(symbol) ?? []), node.right]);
      }
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee)
          ? callee.text
          : ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : "";
        const args = node.arguments ?? ts.factory.createNodeArray();
        if (ts.isNewExpression(node) && name === "Error" && args[0]) found.push({ node: args[0], kind: "new Error" });
        else if (ts.isCallExpression(node) && callee.kind === ts.SyntaxKind.SuperKeyword && args[0]) {
          // The message of an error class of our own (OktaApiError).
          found.push({ node: args[0], kind: "error class" });
        } else if (ts.isCallExpression(node)) {
          const fn = functionOf(callee);
          if (fn) callsOf.set(fn, [...(callsOf.get(fn) ?? []), node]);
          const kind = messageCalls.get(name);
          const arg = name === "withContext" && ts.isIdentifier(callee) ? args[1] : args[0];
          if (kind && arg) found.push({ node: arg, kind });
          // A function handed in as a parameter (e.g. `say`) that a message is passed to.
          const declaration = ts.isIdentifier(callee) ? symbolOf(callee)?.declarations?.[0] : undefined;
          if (declaration && ts.isParameter(declaration) && args[0] && /\s/.test(args[0].getText(sf))) {
            found.push({ node: args[0], kind: "callback" });
          }
          // A piece pushed onto a list that a message joins (`unseen.push(…)`): matched, not an entry of its own.
          if (name === "push" && args[0] && /\s/.test(args[0].getText(sf))) found.push({ node: args[0], kind: "part" });
          if (/^console\.(error|warn|log)$|^pulumi\.log\./.test(callee.getText(sf)) && args[0]) {
            found.push({ node: args[0], kind: "printed" });
          }
        }
      }
      if (ts.isPropertyAssignment(node) && messageProperties.includes(node.name.getText(sf))) {
        found.push({ node: node.initializer, kind: node.name.getText(sf) });
      }
      if (ts.isShorthandPropertyAssignment(node) && messageProperties.includes(node.name.text)) {
        found.push({ node: node.name, kind: node.name.text });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  // Every combination of the parts' alternatives; past the limit, the part with the most becomes a hole.
  const alternatives = (lists: string[][]): string[] => {
    const parts = [...lists];
    while (parts.reduce((n, list) => n * list.length, 1) > maxAlternatives) {
      const widest = parts.reduce((w, list, i) => (list.length > (parts[w]?.length ?? 0) ? i : w), 0);
      parts[widest] = [hole];
    }
    return parts.reduce((out, list) => out.flatMap((prefix) => list.map((part) => prefix + part)), [""]);
  };
  const union = (...lists: string[][]): string[] => {
    const all = [...new Set(lists.flat())];
    return all.length > maxAlternatives ? [hole] : all;
  };
  const objectLiteral = (expr: ts.Expression, env: Env, depth: number): ts.ObjectLiteralExpression[] => {
    if (ts.isObjectLiteralExpression(expr)) return [expr];
    if (!ts.isIdentifier(expr) || depth > maxDepth) return [];
    const declaration = symbolOf(expr)?.declarations?.[0];
    if (!declaration || !(ts.isVariableDeclaration(declaration) || ts.isParameter(declaration))) return [];
    const bound = env.get(declaration) ?? [];
    const sources = [...bound, ...(declaration.initializer ? [{ expr: declaration.initializer, env }] : [])];
    return sources.flatMap((s) => objectLiteral(s.expr, s.env, depth + 1));
  };
  // A member of object literals (`fixes.lastSigningKey`, `{ …: "…" }[role]`); a hole when none is known.
  const member = (literals: ts.ObjectLiteralExpression[], name: string | undefined, env: Env, depth: number) => {
    const values = literals.flatMap((o) =>
      o.properties
        .filter((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p))
        .filter((p) => name === undefined || p.name.getText() === name)
        .map((p) => evaluate(p.initializer, env, depth + 1)),
    );
    return values.length > 0 ? union(...values) : [hole];
  };

  // The texts an expression can evaluate to.
  function evaluate(expr: ts.Expression, env: Env, depth: number): string[] {
    if (depth > maxDepth) return [hole];
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr) || ts.isNumericLiteral(expr)) {
      return [expr.text];
    }
    if (ts.isTemplateExpression(expr)) {
      const parts: string[][] = [[expr.head.text]];
      for (const span of expr.templateSpans) parts.push(evaluate(span.expression, env, depth + 1), [span.literal.text]);
      return alternatives(parts);
    }
    if (
      ts.isParenthesizedExpression(expr) ||
      ts.isAsExpression(expr) ||
      ts.isNonNullExpression(expr) ||
      ts.isAwaitExpression(expr)
    ) {
      return evaluate(expr.expression, env, depth);
    }
    if (ts.isConditionalExpression(expr)) {
      return union(evaluate(expr.whenTrue, env, depth + 1), evaluate(expr.whenFalse, env, depth + 1));
    }
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      const sides = () => [evaluate(expr.left, env, depth + 1), evaluate(expr.right, env, depth + 1)];
      if (op === ts.SyntaxKind.PlusToken) return alternatives(sides());
      if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) return union(...sides());
      return [hole];
    }
    if (ts.isIdentifier(expr)) return identifier(expr, env, depth);
    if (ts.isElementAccessExpression(expr))
      return member(objectLiteral(expr.expression, env, depth), undefined, env, depth);
    if (ts.isPropertyAccessExpression(expr)) {
      const literals = objectLiteral(expr.expression, env, depth);
      return literals.length > 0 ? member(literals, expr.name.text, env, depth) : [hole];
    }
    if (ts.isCallExpression(expr)) {
      // A string is quoted by JSON.stringify; anything else is not.
      if (expr.expression.getText() === "JSON.stringify") return [`"${hole}"`, hole];
      const fn = functionOf(expr.expression);
      if (!fn?.body) return [hole];
      const bound = new Map(env);
      fn.parameters.forEach((p, i) => {
        const arg = expr.arguments[i];
        if (arg) bound.set(p, [{ expr: arg, env }]);
      });
      const body = fn.body;
      const returned = ts.isBlock(body) ? returnsOf(body) : [body as ts.Expression];
      return returned.length > 0 ? union(...returned.map((r) => evaluate(r, bound, depth + 1))) : [hole];
    }
    return [hole];
  }

  function identifier(expr: ts.Identifier, env: Env, depth: number): string[] {
    const shorthand = ts.isShorthandPropertyAssignment(expr.parent) && expr.parent.name === expr;
    const symbol = shorthand ? checker.getShorthandAssignmentValueSymbol(expr.parent) : symbolOf(expr);
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) return [hole];
    if (ts.isParameter(declaration)) {
      const bound = env.get(declaration);
      if (bound) return union(...bound.map((b) => evaluate(b.expr, b.env, depth + 1)));
      return declaration.initializer ? union(evaluate(declaration.initializer, env, depth + 1), [hole]) : [hole];
    }
    if (ts.isVariableDeclaration(declaration)) {
      const values = [
        ...(declaration.initializer ? [declaration.initializer] : []),
        ...(assignments.get(symbol) ?? []),
      ];
      const isFunction = values.some((v) => ts.isArrowFunction(v) || ts.isFunctionExpression(v));
      return values.length > 0 && !isFunction ? union(...values.map((v) => evaluate(v, env, depth + 1))) : [hole];
    }
    return [hole];
  }

  // A site inside a helper whose parameters carry the message is also read at each call of that helper.
  const sites = found.map(({ node, kind }) => {
    const sf = node.getSourceFile();
    const fn = enclosingFunction(node);
    const readings = [evaluate(node, emptyEnv, 0)];
    for (const call of fn ? (callsOf.get(fn) ?? []) : []) {
      const bound = new Map<ts.Declaration, { expr: ts.Expression; env: Env }[]>();
      fn?.parameters.forEach((p, i) => {
        const arg = call.arguments[i];
        if (arg) bound.set(p, [{ expr: arg, env: emptyEnv }]);
      });
      readings.push(evaluate(node, bound, 0));
    }
    const patterns = [...new Set(readings.flat().map(normalized))];
    return {
      file: path.relative(repo, sf.fileName),
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      kind,
      patterns,
    };
  });
  return sites.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Whitespace (line breaks included) as single spaces, and runs of holes as one. */
export function normalized(text: string): string {
  return text.replace(/\s+/g, " ").replace(new RegExp(`${hole}+`, "g"), hole);
}

function returnsOf(body: ts.Block): ts.Expression[] {
  const out: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) out.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}

function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let at = node.parent; at; at = at.parent) {
    if (
      ts.isFunctionDeclaration(at) ||
      ts.isMethodDeclaration(at) ||
      ts.isArrowFunction(at) ||
      ts.isFunctionExpression(at)
    ) {
      return at;
    }
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
