/**
 * Takes the README's screenshots of the n8n editor with each template open, in headless Chromium (Debian
 * package `chromium`, installed by the command when missing; CHROMIUM_BIN points at another one):
 *
 *   npm run screenshots [-- <template>.json … | credential]
 *
 * Writes workflows/images/<template>.png for the named templates, or for all of them, and (for `credential`, or
 * when nothing is named) the TikTok Shop API credential form filled in as a new user fills it (App Key, App Secret,
 * Authorization Code) and tested: credential-connected.png, and one with a used code: credential-error.png.
 */
import { join } from 'node:path';

import { seedWorld } from './simulator/seed/index';
import { openEditor } from './stack/editor';
import { freePort } from './stack/ports';
import { startStack } from './stack/stack';
import { TEMPLATES_DIR } from './stack/templates';

/** A credential as a new user saves it: App Key, App Secret and a fresh authorization code, nothing else. */
const NEW_CONNECTION = { id: 'ttsNewConnection', name: 'TikTok Shop API (new connection)' };
/** The same with a code that was already used: the test's message names the field to fix. */
const USED_CODE = { id: 'ttsUsedCode', name: 'TikTok Shop API (code already used)' };
const AUTH_CODE = 'TTP_screenshotCode0123456789';

async function main(): Promise<void> {
	const wanted = process.argv.slice(2);
	const port = await freePort();
	const simulatorUrl = `http://127.0.0.1:${port}`;
	const stack = await startStack({
		setupOwner: true,
		// The editor shows each template's own schedule.
		schedules: 'live',
		log: (line) => console.log(line),
		simulator: { port, authCodes: [AUTH_CODE], demo: true },
		credentials: [
			{ ...NEW_CONNECTION, authCode: AUTH_CODE },
			{ ...USED_CODE, authCode: 'TTP_usedCode9876543210abcdef' },
		].map(({ authCode, ...credential }) => ({
			...credential,
			type: 'tikTokShopApi',
			data: {
				// The simulator's app for its default seed.
				...seedWorld(1, 0, Math.floor(Date.now() / 1000)).app,
				authCode,
				baseUrl: simulatorUrl,
				authBaseUrl: simulatorUrl,
			},
		})),
	});
	const editor = await openEditor(stack.n8n.url);
	const { page } = editor;
	try {
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
		if (wanted.length === 0 || wanted.includes('credential')) {
			// Opening a saved credential runs its test: it exchanges the code and reads the shops.
			for (const [credential, banner, image] of [
				[
					NEW_CONNECTION,
					'[data-test-id="credentials-config-container-test-success"]',
					'credential-connected.png',
				],
				// The failure banner has no test id: wait for the test's own message.
				[USED_CODE, 'text=/was refused/', 'credential-error.png'],
			] as const) {
				await page.goto(`${stack.n8n.url}/home/credentials/${credential.id}`);
				await page.locator('[data-test-id="credential-edit-dialog"]').waitFor();
				// A failed test shows n8n's own headline; its message (naming the field) is behind "More details".
				const details = page.getByText('More details');
				if (image === 'credential-error.png') {
					await details.waitFor({ timeout: 30_000 }).catch(() => undefined);
					if (await details.isVisible()) await details.click();
				}
				await page
					.locator(banner)
					.first()
					.waitFor({ timeout: 30_000 })
					.catch(() =>
						console.warn(`${image}: "${banner}" did not appear; screenshot taken anyway`),
					);
				await page.waitForTimeout(800);
				const file = join(TEMPLATES_DIR, 'images', image);
				await page.screenshot({ path: file });
				console.log(`Wrote ${file}`);
			}
		}
	} finally {
		await editor.close();
		await stack.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
