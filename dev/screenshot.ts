/**
 * Takes the README's screenshots of the n8n editor with each template open, in headless Chromium (Debian
 * package `chromium`, installed by the command when missing; CHROMIUM_BIN points at another one):
 *
 *   npm run screenshots [-- <template>.json … | credential]
 *
 * Writes workflows/images/<template>.png for the named templates, or for all of them, and (for `credential`, or
 * when nothing is named) the TikTok Shop API credential form filled in as a new user fills it (App Key, App Secret,
 * Authorization Code) and its test result: credential-form.png, credential-test.png.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { systemProgram } from './systemPrograms';
import { seedWorld } from './simulator/seed/index';
import { TEST_OWNER } from './stack/n8nApi';
import { freePort } from './stack/ports';
import { startStack } from './stack/stack';
import { TEMPLATES_DIR } from './stack/templates';

/** A credential as a new user saves it: App Key, App Secret and a fresh authorization code, nothing else. */
const NEW_CONNECTION = { id: 'ttsNewConnection', name: 'TikTok Shop API (new connection)' };
/** The same with a code that was already used: the test's message names the field to fix. */
const USED_CODE = { id: 'ttsUsedCode', name: 'TikTok Shop API (code already used)' };
const AUTH_CODE = 'TTP_screenshotCode0123456789';

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
	const wanted = process.argv.slice(2);
	const port = await freePort();
	const simulatorUrl = `http://127.0.0.1:${port}`;
	const stack = await startStack({
		setupOwner: true,
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
		await browser.close();
		await rm(profile, { recursive: true, force: true });
		await stack.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
