import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Transpiles the given folders to plain CommonJS in `outDir`, so a measured child process runs Node on JavaScript and
 * its peak RSS does not include the TypeScript compiler that ts-node would load.
 */
export function transpileForChild(
	root: string,
	folders: string[],
	outDir: string,
	include: (file: string) => boolean = () => true,
): void {
	for (const folder of folders) {
		for (const entry of readdirSync(join(root, folder), { withFileTypes: true, recursive: true })) {
			if (!entry.isFile() || !entry.name.endsWith('.ts') || !include(entry.name)) continue;
			const source = join(entry.parentPath, entry.name);
			const output = join(outDir, relative(root, source)).replace(/\.ts$/, '.js');
			const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
				compilerOptions: {
					module: ts.ModuleKind.CommonJS,
					target: ts.ScriptTarget.ES2022,
					esModuleInterop: true,
				},
				fileName: source,
			});
			mkdirSync(dirname(output), { recursive: true });
			writeFileSync(output, outputText);
		}
	}
}
