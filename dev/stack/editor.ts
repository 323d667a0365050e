import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { systemProgram } from '../systemPrograms';
import { TEST_OWNER } from './n8nApi';

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

/**
 * A code where a person reads: two words or more in capitals joined by underscores (AWAITING_SHIPMENT,
 * DESCRIPTION_IMAGE). What issue #23 found in the panels, subtitles and emails.
 */
export const RAW_ENUM_CODE = /\b[A-Z]{3,}_[A-Z_]{3,}\b/g;

/** What n8n's editor shows in a drop-down whose options failed to load. */
export const OPTIONS_ERROR =
	/Error fetching options|Could not load options|problem loading the parameter options/i;

export interface Editor {
	page: Page;
	url: string;
	close(): Promise<void>;
}

/** Headless Chromium logged in to an n8n whose owner is TEST_OWNER (a stack started with setupOwner). */
export async function openEditor(url: string): Promise<Editor> {
	const profile = await mkdtemp(join(tmpdir(), 'tiktok-shop-ops-chromium-'));
	// A persistent context is how Playwright takes a fresh --user-data-dir of our choosing.
	const browser: BrowserContext = await chromium.launchPersistentContext(profile, {
		executablePath: systemProgram('chromium'),
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1440, height: 900 },
		deviceScaleFactor: 1,
	});
	const close = async () => {
		await browser.close();
		await rm(profile, { recursive: true, force: true });
	};
	try {
		const page = await browser.newPage();
		// Leaving a new, unsaved workflow asks "leave the page?": a test moves on, as a user who throws it away.
		page.on('dialog', (dialog) => void dialog.accept());
		await page.goto(`${url}/signin`);
		await page.locator('input[type="email"]').fill(TEST_OWNER.email);
		await page.locator('input[type="password"]').fill(TEST_OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((address) => !address.pathname.startsWith('/signin'));
		return { page, url, close };
	} catch (error) {
		await close();
		throw error;
	}
}

/** Opens a workflow on the canvas and waits until its nodes are drawn. */
export async function openWorkflow(editor: Editor, workflowId: string): Promise<void> {
	const { page } = editor;
	await page.goto(`${editor.url}/workflow/${workflowId}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor();
	await page.waitForLoadState('networkidle');
	// n8n opens a "Production Checklist" popover over published workflows; it would hide the canvas.
	const closeChecklist = page.locator('[data-test-id="suggested-actions-close"]');
	if (await closeChecklist.isVisible()) await closeChecklist.click();
}

/** The text a person sees on the page now. */
export async function visibleText(page: Page): Promise<string> {
	return await page.locator('body').innerText();
}

const settle = async (page: Page, ms = 800) => {
	await page.waitForLoadState('networkidle').catch(() => undefined);
	await page.waitForTimeout(ms);
};

/**
 * What a new user does: a new workflow, a manual trigger, then the node from the nodes panel (searched by its name,
 * then the action by its label when the node offers actions). Leaves the node's panel open.
 */
export async function addFreshNode(editor: Editor, search: string, action?: string): Promise<void> {
	const { page } = editor;
	await page.goto(`${editor.url}/workflow/new`);
	await settle(page);
	await page.locator('[data-test-id="canvas-add-button"]').first().click();
	await page.locator('[data-test-id="node-creator"] input').first().fill('manual');
	await settle(page, 500);
	await page.keyboard.press('Enter');
	await settle(page);
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="canvas-handle-plus"]').first().click();
	await page.locator('[data-test-id="node-creator"] input').first().fill(search);
	await settle(page, 500);
	await page.keyboard.press('Enter');
	await settle(page);
	const creator = page.locator('[data-test-id="node-creator"]');
	if (await creator.isVisible()) {
		if (action) await creator.getByText(action, { exact: true }).click();
		else await creator.locator('[data-test-id="item-iterator-item"]').first().click();
	}
	await page.locator('[data-test-id="ndv"]').waitFor();
	await settle(page, 1500);
}

/** The open node panel's text. */
export async function panelText(page: Page): Promise<string> {
	return await page.locator('[data-test-id="ndv"]').innerText();
}

/** Closes the node panel and opens the added node again by double-clicking it (not the manual trigger). */
export async function reopenAddedNode(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await settle(page, 500);
	await page
		.locator('[data-test-id="canvas-node"]')
		.filter({ hasNotText: 'Execute workflow' })
		.first()
		.dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor();
	await settle(page, 1500);
}

/** Opens a drop-down of the node panel by its parameter name and returns the options it lists. */
export async function selectOptions(page: Page, parameter: string): Promise<string[]> {
	await page.locator(`[data-test-id="parameter-input-${parameter}"]`).first().click();
	await settle(page, 800);
	const options = await page
		.locator('.el-select-dropdown__item:visible, [role="option"]:visible')
		.allInnerTexts();
	await page.keyboard.press('Escape');
	return options.map((option) => option.trim()).filter(Boolean);
}
