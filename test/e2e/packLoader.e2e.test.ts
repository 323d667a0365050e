import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { assertPackLoaded, expectedPackTypes } from '../../dev/stack/packLoader';

/** The harness's guard against an n8n that started without our nodes: its failure must say what is missing. */
describe('assertPackLoaded', () => {
	let userFolder: string;

	beforeEach(async () => {
		userFolder = await mkdtemp(join(tmpdir(), 'tiktok-shop-ops-types-'));
		await mkdir(join(userFolder, '.cache', 'n8n', 'public', 'types'), { recursive: true });
	});

	afterEach(async () => {
		await rm(userFolder, { recursive: true, force: true });
	});

	async function writeTypes(nodes: string[], credentials: string[]): Promise<void> {
		const dir = join(userFolder, '.cache', 'n8n', 'public', 'types');
		await writeFile(join(dir, 'nodes.json'), JSON.stringify(nodes.map((name) => ({ name }))));
		await writeFile(
			join(dir, 'credentials.json'),
			JSON.stringify(credentials.map((name) => ({ name }))),
		);
	}

	it("names the pack's node and credential types the way n8n does", () => {
		const expected = expectedPackTypes();
		expect(expected.nodes).toContain('n8n-nodes-tiktok-shop-ops.tikTokShop');
		expect(expected.credentials).toContain('tikTokShopApi');
	});

	it('passes when n8n serves every type of the pack', async () => {
		const expected = expectedPackTypes();
		await writeTypes(
			['n8n-nodes-base.set', ...expected.nodes],
			['httpBasicAuth', ...expected.credentials],
		);
		await expect(assertPackLoaded(userFolder, '')).resolves.toBeUndefined();
	});

	it("fails with the missing types and n8n's own complaint when the pack did not load", async () => {
		await writeTypes(['n8n-nodes-base.set'], ['httpBasicAuth']);
		const log =
			'Editor is now accessible\nFailed to load package "n8n-nodes-tiktok-shop-ops": Cannot find module \'luxon\'';
		await expect(assertPackLoaded(userFolder, log)).rejects.toThrow(
			/did not load the pack: node n8n-nodes-tiktok-shop-ops\.tikTokShop.*credential tikTokShopApi.*\n.*\n.*Cannot find module 'luxon'/s,
		);
	});
});
