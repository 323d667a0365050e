/**
 * Takes the README's screenshots of the n8n editor with each template open, in headless Chromium (Debian
 * package `chromium`, installed by the command when missing; CHROMIUM_BIN points at another one):
 *
 *   npm run screenshots [-- <template>.json …]
 *
 * Writes workflows/images/<template>.png for the named templates, or for all of them. The stack runs the demo
 * shop, as `npm start` does.
 */
import { join } from 'node:path';

import { openEditor, openWorkflow } from './stack/editor';
import { startStack } from './stack/stack';
import { TEMPLATES_DIR } from './stack/templates';

async function main(): Promise<void> {
	const stack = await startStack({
		setupOwner: true,
		simulator: { demo: true },
		log: (line) => console.log(line),
	});
	try {
		const editor = await openEditor(stack.n8n.url);
		try {
			const wanted = process.argv.slice(2);
			for (const template of stack.templates.filter(
				(candidate) => wanted.length === 0 || wanted.includes(candidate.file),
			)) {
				await openWorkflow(editor, template.id);
				// Let the canvas finish fitting the view and the node icons load.
				await editor.page.waitForTimeout(1500);
				// n8n opens a "Production Checklist" popover over published workflows; it would hide the canvas.
				const closeChecklist = editor.page.locator('[data-test-id="suggested-actions-close"]');
				if (await closeChecklist.isVisible()) {
					await closeChecklist.click();
					await editor.page.waitForTimeout(500);
				}
				const file = join(TEMPLATES_DIR, 'images', template.file.replace(/\.json$/, '.png'));
				await editor.page.screenshot({ path: file });
				console.log(`Wrote ${file}`);
			}
		} finally {
			await editor.close();
		}
	} finally {
		await stack.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
