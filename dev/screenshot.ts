/**
 * Takes the README's screenshots of the n8n editor with each template open, in headless Chromium (Debian
 * package `chromium`, installed by the command when missing; CHROMIUM_BIN points at another one):
 *
 *   npm run screenshots [-- <template>.json …]
 *
 * Writes workflows/images/<template>.png for the named templates, or for all of them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { systemProgram } from './systemPrograms';
import { TEST_OWNER } from './stack/n8nApi';
import { startStack } from './stack/stack';
import { TEMPLATES_DIR } from './stack/templates';

const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

async function main(): Promise<void> {
	const stack = await startStack({ setupOwner: true, log: (line) => console.log(line) });
	const profile = await mkdtemp(join(tmpdir(), 'tiktok-shop-ops-chromium-'));
	// A persistent context is how Playwright takes a fresh --user-data-dir of our choosing.
	const browser = await chromium.launchPersistentContext(profile, {
		executablePath: systemProgram('chromium'),
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1440, height: 900 },
		deviceScaleFactor: 1,
	});
	try {
		const page = await browser.newPage();
		await page.goto(`${stack.n8n.url}/signin`);
		await page.locator('input[type="email"]').fill(TEST_OWNER.email);
		await page.locator('input[type="password"]').fill(TEST_OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		const wanted = process.argv.slice(2);
		for (const template of stack.templates.filter(
			(candidate) => wanted.length === 0 || wanted.includes(candidate.file),
		)) {
			await page.goto(`${stack.n8n.url}/workflow/${template.id}`);
			await page.locator('[data-test-id="canvas-node"]').first().waitFor();
			// Let the canvas finish fitting the view and the node icons load.
			await page.waitForLoadState('networkidle');
			await page.waitForTimeout(1500);
			// n8n opens a "Production Checklist" popover over published workflows; it would hide the canvas.
			const closeChecklist = page.locator('[data-test-id="suggested-actions-close"]');
			if (await closeChecklist.isVisible()) {
				await closeChecklist.click();
				await page.waitForTimeout(500);
			}
			const file = join(TEMPLATES_DIR, 'images', template.file.replace(/\.json$/, '.png'));
			await page.screenshot({ path: file });
			console.log(`Wrote ${file}`);
		}
	} finally {
		await browser.close();
		await rm(profile, { recursive: true, force: true });
		await stack.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
