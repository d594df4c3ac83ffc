import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Each public entry point: its source file, and at most how many names it may export. */
const ENTRIES = {
  // 71 before issue 12: one-item reads and addEmpty (2), search and UK dates (3), progress status, similar leads, work in the bin, comparison in words (7); the names an action shows (1).
  '@coplan/core': ['packages/core/src/index.ts', 84],
  '@coplan/core/formats': ['packages/core/src/formats.ts', 25],
  '@coplan/core/governance': ['packages/core/src/governance.ts', 30],
  '@coplan/core/scorecard': ['packages/core/src/scorecard-entry.ts', 32],
  '@coplan/import': ['packages/import/src/index.ts', 25],
  '@coplan/publish': ['packages/publish/src/index.ts', 15],
} as const;

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The names an entry exports, each with its TSDoc text ('' when it has none). */
function exportsOf(file: string): Map<string, string> {
  const program = ts.createProgram([root + file], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(root + file)!)!;
  const out = new Map<string, string>();
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    out.set(symbol.name, ts.displayPartsToString(target.getDocumentationComment(checker)).trim());
  }
  return out;
}

describe('the public API', () => {
  for (const [entry, [file, most]] of Object.entries(ENTRIES)) {
    it(`${entry}: at most ${most} names, every one with TSDoc`, () => {
      const names = exportsOf(file);
      expect(names.size).toBeGreaterThan(0);
      expect(names.size).toBeLessThanOrEqual(most);
      expect([...names].filter(([, doc]) => doc === '').map(([name]) => name)).toEqual([]);
    });
  }
});
