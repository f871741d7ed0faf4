import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// What users install with the package is `dependencies` plus peers;
// devDependencies exist only in this repository, so they never count.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const libDir = join(root, 'lib');
const manifest = JSON.parse(
  readFileSync(join(root, 'package.json'), 'utf8'),
) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};
const declared = new Set([
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.peerDependencies ?? {}),
]);
const optionalPeers = new Set(
  Object.entries(manifest.peerDependenciesMeta ?? {})
    .filter(([, meta]) => meta.optional)
    .map(([name]) => name),
);
const builtins = new Set(builtinModules);

interface ImportRef {
  readonly file: string;
  readonly specifier: string;
  /** Erased at run time (`import type`, `export type`, all-type names). */
  readonly typeOnly: boolean;
  /** `import()` or `require()`: loaded only when that code runs. */
  readonly dynamic: boolean;
}

function libFiles(dir = libDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return libFiles(path);
    return /\.(c|m)?tsx?$/.test(entry.name) ? [path] : [];
  });
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

function importsOf(file: string): ImportRef[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const refs: ImportRef[] = [];
  const add = (specifier: string, typeOnly: boolean, dynamic: boolean) =>
    refs.push({ file, specifier, typeOnly, dynamic });

  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, isTypeOnlyImport(node), false);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, node.isTypeOnly, false);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      add(node.moduleReference.expression.text, node.isTypeOnly, false);
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length > 0 &&
      ts.isStringLiteralLike(node.arguments[0]) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) &&
          node.expression.text === 'require'))
    ) {
      add(node.arguments[0].text, false, true);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node.argument.literal.text, true, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

const isRelative = (specifier: string) =>
  specifier.startsWith('./') || specifier.startsWith('../');

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The .ts file a relative `.js` import names, as NodeNext resolves it. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.mjs$/, '.mts'),
    base,
    join(base, 'index.ts'),
  ];
  return candidates.find((candidate) => existsSync(candidate));
}

const show = (ref: ImportRef) =>
  `${relative(root, ref.file)} imports '${ref.specifier}'`;

const files = existsSync(libDir) ? libFiles() : [];
const refs = files.flatMap(importsOf);

describe('package boundary of lib/', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('imports only declared dependencies, peers and node: builtins', () => {
    const offenders = refs
      .filter((ref) => !isRelative(ref.specifier))
      .filter((ref) => !ref.specifier.startsWith('node:'))
      .filter((ref) => !declared.has(packageName(ref.specifier)))
      .map((ref) =>
        builtins.has(packageName(ref.specifier))
          ? `${show(ref)}: write 'node:${ref.specifier}'`
          : `${show(ref)}: not in dependencies or peerDependencies`,
      );

    expect(offenders).toEqual([]);
  });

  it('keeps relative imports inside lib/ and ends them in .js', () => {
    const offenders = refs
      .filter((ref) => isRelative(ref.specifier))
      .flatMap((ref) => {
        const target = resolve(dirname(ref.file), ref.specifier);
        if (!target.startsWith(libDir + sep)) {
          return [`${show(ref)}: outside lib/, not published`];
        }
        if (!/\.(m|c)?js$/.test(ref.specifier)) {
          return [`${show(ref)}: NodeNext needs the .js extension`];
        }
        return resolveRelative(ref.file, ref.specifier)
          ? []
          : [`${show(ref)}: no such file`];
      });

    expect(offenders).toEqual([]);
  });

  it('loads no optional peer when the package entry point is imported', () => {
    const entry = join(libDir, 'index.ts');
    expect(existsSync(entry), 'lib/index.ts is the package entry').toBe(true);

    // Walk the static, value-level import graph from the entry point.
    const byFile = new Map<string, ImportRef[]>();
    for (const ref of refs) {
      byFile.set(ref.file, [...(byFile.get(ref.file) ?? []), ref]);
    }
    const seen = new Set<string>();
    const queue = [entry];
    const offenders: string[] = [];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const ref of byFile.get(file) ?? []) {
        if (ref.typeOnly || ref.dynamic) continue;
        if (isRelative(ref.specifier)) {
          const next = resolveRelative(file, ref.specifier);
          if (next) queue.push(next);
        } else if (optionalPeers.has(packageName(ref.specifier))) {
          offenders.push(
            `${show(ref)}: optional peer loaded by 'nest-aws-secrets'; ` +
              'use a type-only import, import(), or a separate entry point',
          );
        }
      }
    }

    expect(offenders).toEqual([]);
  });
});
