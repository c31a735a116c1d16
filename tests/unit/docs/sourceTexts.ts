import ts from "typescript";

// The texts a TypeScript expression of this repository can evaluate to, read from the sources: literal parts, and
// `hole` where a value known only at run time goes (an id, Okta's answer, another error's message). Constants,
// `let`s and their assignments, parameters (bound to a call's arguments, else their default or a hole), helpers that
// return a string, members of object literals and conditional alternatives are followed, so a message built from
// several pieces reads as the user sees it.

/** Stands for a part of a message known only at run time. */
export const hole = "\u0000";

const maxAlternatives = 256;
const maxDepth = 12;

/** What a function's parameters are bound to while its body is read: the argument, read where the call is. */
export type Bindings = ReadonlyMap<ts.Declaration, { expr: ts.Expression; env: Bindings }[]>;
export const unbound: Bindings = new Map();

/** Whitespace (line breaks included) as single spaces, and runs of holes as one. */
export function normalized(text: string): string {
  return text.replace(/\s+/g, " ").replace(new RegExp(`${hole}+`, "g"), hole);
}

/** Reads the texts of expressions of one program; every `=` assignment of it is indexed once. */
export class SourceTexts {
  private readonly checker: ts.TypeChecker;
  private readonly assignments = new Map<ts.Symbol, ts.Expression[]>();

  constructor(program: ts.Program, files: readonly ts.SourceFile[]) {
    this.checker = program.getTypeChecker();
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const symbol = this.symbolOf(node.left);
        if (symbol) this.assignments.set(symbol, [...(this.assignments.get(symbol) ?? []), node.right]);
      }
      ts.forEachChild(node, visit);
    };
    for (const sf of files) visit(sf);
  }

  /** The symbol a name refers to, through imports. */
  symbolOf(node: ts.Node): ts.Symbol | undefined {
    const symbol = this.checker.getSymbolAtLocation(node);
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  /** What a shorthand property (`{ noRoom }`) stands for: the declaration of the value it names. */
  shorthandValue(node: ts.ShorthandPropertyAssignment): ts.Declaration | undefined {
    return this.checker.getShorthandAssignmentValueSymbol(node)?.declarations?.[0];
  }

  /** The function a callee names (a function, a method, or a `const` arrow or function expression). */
  functionOf(callee: ts.Expression): ts.FunctionLikeDeclaration | undefined {
    const declaration = this.symbolOf(callee)?.declarations?.[0];
    if (declaration && (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration))) {
      return declaration;
    }
    const init = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
    return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
  }

  /** The texts `expr` can evaluate to, whitespace collapsed. */
  textsOf(expr: ts.Expression, env: Bindings = unbound): string[] {
    return [...new Set(this.evaluate(expr, env, 0).map(normalized))];
  }

  private evaluate(expr: ts.Expression, env: Bindings, depth: number): string[] {
    if (depth > maxDepth) return [hole];
    const next = (e: ts.Expression, bindings = env) => this.evaluate(e, bindings, depth + 1);
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr) || ts.isNumericLiteral(expr)) {
      return [expr.text];
    }
    if (ts.isTemplateExpression(expr)) {
      const parts: string[][] = [[expr.head.text]];
      for (const span of expr.templateSpans) parts.push(next(span.expression), [span.literal.text]);
      return alternatives(parts);
    }
    if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr)) {
      return this.evaluate(expr.expression, env, depth);
    }
    if (ts.isAwaitExpression(expr)) return this.evaluate(expr.expression, env, depth);
    if (ts.isConditionalExpression(expr)) return union(next(expr.whenTrue), next(expr.whenFalse));
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken) return alternatives([next(expr.left), next(expr.right)]);
      if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
        return union(next(expr.left), next(expr.right));
      }
      return [hole];
    }
    if (ts.isIdentifier(expr)) return this.identifier(expr, env, depth);
    if (ts.isElementAccessExpression(expr)) return this.member(expr.expression, undefined, env, depth);
    if (ts.isPropertyAccessExpression(expr)) return this.member(expr.expression, expr.name.text, env, depth);
    if (ts.isCallExpression(expr)) {
      // A string is quoted by JSON.stringify; anything else is not.
      if (expr.expression.getText() === "JSON.stringify") return [`"${hole}"`, hole];
      const fn = this.functionOf(expr.expression);
      if (!fn?.body) return [hole];
      const bound = new Map(env);
      fn.parameters.forEach((p, i) => {
        const arg = expr.arguments[i];
        if (arg) bound.set(p, [{ expr: arg, env }]);
      });
      const returned = ts.isBlock(fn.body) ? returnsOf(fn.body) : [fn.body as ts.Expression];
      return returned.length > 0 ? union(...returned.map((r) => next(r, bound))) : [hole];
    }
    return [hole];
  }

  private identifier(expr: ts.Identifier, env: Bindings, depth: number): string[] {
    const shorthand = ts.isShorthandPropertyAssignment(expr.parent) && expr.parent.name === expr;
    const symbol = shorthand ? this.checker.getShorthandAssignmentValueSymbol(expr.parent) : this.symbolOf(expr);
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) return [hole];
    if (ts.isParameter(declaration)) {
      const bound = env.get(declaration);
      if (bound) return union(...bound.map((b) => this.evaluate(b.expr, b.env, depth + 1)));
      const fallback = declaration.initializer ? this.evaluate(declaration.initializer, env, depth + 1) : [];
      return union(fallback, [hole]);
    }
    if (ts.isVariableDeclaration(declaration)) {
      const values = [
        ...(declaration.initializer ? [declaration.initializer] : []),
        ...(this.assignments.get(symbol) ?? []),
      ];
      if (values.length === 0 || values.some((v) => ts.isArrowFunction(v) || ts.isFunctionExpression(v))) return [hole];
      return union(...values.map((v) => this.evaluate(v, env, depth + 1)));
    }
    return [hole];
  }

  /** A member of the object literals `owner` can be (`fixes.lastSigningKey`, `{ …: "…" }[role]`); else a hole. */
  private member(owner: ts.Expression, name: string | undefined, env: Bindings, depth: number): string[] {
    const values = this.objectLiterals(owner, env, depth).flatMap((o) =>
      o.properties
        .filter((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p))
        .filter((p) => name === undefined || p.name.getText() === name)
        .map((p) => this.evaluate(p.initializer, env, depth + 1)),
    );
    return values.length > 0 ? union(...values) : [hole];
  }

  private objectLiterals(expr: ts.Expression, env: Bindings, depth: number): ts.ObjectLiteralExpression[] {
    if (ts.isParenthesizedExpression(expr)) return this.objectLiterals(expr.expression, env, depth);
    if (ts.isObjectLiteralExpression(expr)) return [expr];
    if (!ts.isIdentifier(expr) || depth > maxDepth) return [];
    const declaration = this.symbolOf(expr)?.declarations?.[0];
    if (!declaration || !(ts.isVariableDeclaration(declaration) || ts.isParameter(declaration))) return [];
    const sources = [...(env.get(declaration) ?? [])];
    if (declaration.initializer) sources.push({ expr: declaration.initializer, env });
    return sources.flatMap((s) => this.objectLiterals(s.expr, s.env, depth + 1));
  }
}

/** Every combination of the parts' alternatives; past the limit, the part with the most becomes a hole. */
function alternatives(lists: string[][]): string[] {
  const parts = [...lists];
  while (parts.reduce((n, list) => n * list.length, 1) > maxAlternatives) {
    const widest = parts.reduce((w, list, i) => (list.length > (parts[w]?.length ?? 0) ? i : w), 0);
    parts[widest] = [hole];
  }
  return parts.reduce((out, list) => out.flatMap((prefix) => list.map((part) => prefix + part)), [""]);
}

function union(...lists: string[][]): string[] {
  const all = [...new Set(lists.flat())];
  return all.length > maxAlternatives ? [hole] : all;
}

/** The expressions a function body returns (not those of functions nested in it). */
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
