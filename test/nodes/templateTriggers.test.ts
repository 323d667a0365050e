import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every template that starts at the TikTok Shop Trigger uses its current version and decides what becomes of an
 * event whose run started and never reported back: either its steps are safe to run twice (a ledger keyed per
 * order line, an absolute stock level, an email) and it chooses Run It Again, or its Failed branch tells the seller
 * about such an event in words.
 */
interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: { options?: Record<string, unknown> } & Record<string, unknown>;
}

const WORKFLOWS = join(__dirname, '..', '..', 'workflows');
const templates = readdirSync(WORKFLOWS)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({ file, text: readFileSync(join(WORKFLOWS, file), 'utf8') }))
	.map(({ file, text }) => ({
		file,
		text,
		triggers: (JSON.parse(text) as { nodes: WorkflowNode[] }).nodes.filter(
			(node) => node.type === 'n8n-nodes-tiktok-shop-ops.tikTokShopTrigger',
		),
	}))
	.filter(({ triggers }) => triggers.length > 0);

it('three templates start at the TikTok Shop Trigger', () => {
	expect(templates.map(({ file }) => file).sort()).toEqual([
		'keep-the-shop-connected.json',
		'multi-channel-stock-sync.json',
		'order-intake.json',
	]);
});

describe.each(templates)('$file', ({ text, triggers }) => {
	it('uses TikTok Shop Trigger 1.2', () => {
		expect(triggers.map((node) => node.typeVersion)).toEqual(triggers.map(() => 1.2));
	});

	it('runs an unreported event again, or explains it on its Failed branch', () => {
		for (const trigger of triggers) {
			const runsAgain = trigger.parameters.options?.unreportedRuns === 'runAgain';
			expect({
				trigger: trigger.name,
				handled: runsAgain || text.includes('outcome_unknown'),
			}).toEqual({
				trigger: trigger.name,
				handled: true,
			});
		}
	});
});
