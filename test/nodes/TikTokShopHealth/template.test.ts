import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { TikTokShopHealth } from '../../../nodes/TikTokShopHealth/TikTokShopHealth.node';

interface TemplateNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
	disabled?: boolean;
}

const template = JSON.parse(
	readFileSync(join(__dirname, '../../../workflows/shop-health-guard.json'), 'utf8'),
) as {
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
};
const properties = new Set(
	new TikTokShopHealth().nodeVersions[1].description.properties.map((property) => property.name),
);

describe('Template "Shop health guard" (static checks; run in real n8n by test/e2e/shopHealthGuard.e2e.test.ts)', () => {
	it('sets only parameters the TikTok Shop Health node has', () => {
		const healthNodes = template.nodes.filter(
			(node) => node.type === 'n8n-nodes-tiktok-shop-ops.tikTokShopHealth',
		);
		expect(healthNodes.map((node) => node.parameters.operation).sort()).toEqual([
			'computeMetrics',
			'getPerformanceScore',
			'ordersAtRisk',
			'ordersAtRisk',
		]);
		for (const node of healthNodes)
			for (const name of Object.keys(node.parameters))
				expect([node.name, name, properties.has(name)]).toEqual([node.name, name, true]);
	});

	it('alerts by email per band through SMTP, with Slack disabled; the hourly run groups by band', () => {
		const byName = Object.fromEntries(template.nodes.map((node) => [node.name, node]));
		expect(byName['Orders at risk, by band'].parameters).toMatchObject({
			riskOutput: 'perBand',
			criticalHours: 4,
			urgentHours: 12,
			soonHours: 24,
		});
		expect(byName['Email one alert per band'].credentials).toHaveProperty('smtp');
		expect(byName['Post to Slack instead'].disabled).toBe(true);
		expect(
			template.connections['Orders at risk, by band'].main[0].map((target) => target.node),
		).toEqual(['Email one alert per band', 'Post to Slack instead']);
		expect(byName['Performance score'].parameters).toMatchObject({
			spsView: 'overview',
			includeChart: true,
		});
		expect(template.connections['Performance score'].main[0].map((target) => target.node)).toEqual([
			'Email the daily digest',
		]);
	});
});

describe('Template "Shop health guard": times in the seller\'s time zone', () => {
	const byName = Object.fromEntries(template.nodes.map((node) => [node.name, node]));
	const emails = ['Email one alert per band', 'Email the daily digest'].map((name) => byName[name]);

	it('keeps time_zone in Settings (America/Los_Angeles) and explains it in the Settings note', () => {
		const fields = (
			byName.Settings.parameters.assignments as {
				assignments: Array<{ name: string; value: string }>;
			}
		).assignments;
		expect(fields.find((field) => field.name === 'time_zone')?.value).toBe('America/Los_Angeles');
		const note = String(byName['Sticky Note: Settings'].parameters.content);
		expect(note).toMatch(/`time_zone`: Your time zone, for the times in alert emails/);
	});

	it("passes Settings' time zone to both Orders at Risk nodes, so next steps and tables agree", () => {
		for (const name of ['Orders at risk, by band', 'Orders to act on first'])
			expect(byName[name].parameters.timeZone).toBe(
				"={{ $('Settings').first().json.time_zone || 'America/Los_Angeles' }}",
			);
	});

	it('sends both emails as HTML and plain text, saying the time zone, with no UTC column or ISO deadline', () => {
		for (const email of emails) {
			expect(email.parameters.emailFormat).toBe('both');
			for (const part of ['html', 'text'] as const) {
				const body = String(email.parameters[part]);
				expect([email.name, part, body.includes("Times are in ' + tz + '.'")]).toEqual([
					email.name,
					part,
					true,
				]);
				expect(body).not.toMatch(/UTC\)|o\.deadline\)/);
			}
		}
		expect(String(byName['Email one alert per band'].parameters.html)).toContain(
			'o.deadline_local',
		);
	});
});
