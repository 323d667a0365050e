import { DateTime } from 'luxon';
import sharp from 'sharp';

import { PLANTED, plantShopHealthHistory } from '../../dev/simulator/seed/shopHealth';
import { describeFailure, nodeOutput, type Execution } from '../../dev/stack/n8nApi';
import type { OutboxMessage } from '../../dev/stack/smtpOutbox';
import { startStack, type Stack } from '../../dev/stack/stack';
import { template } from '../../dev/stack/templates';

const HOURLY = 'Every hour';
const DAILY = 'Every morning';
const BY_BAND = 'Orders at risk, by band';
const ORDER_SEARCH = '/order/202309/orders/search';
const SPS = '/analytics/202606/shop_performance_score';

const { atRisk } = PLANTED;

/** The template's Settings → time_zone as imported; n8n's own default (America/New_York) must not win. */
const ZONE = 'America/Los_Angeles';

/** An ISO time as the emails write it for the seller: "Tue, Dec 8, 2:00 PM PST". */
function local(iso: unknown): string {
	return DateTime.fromISO(String(iso), { zone: 'utc' })
		.setZone(ZONE)
		.setLocale('en-US')
		.toFormat('ccc, LLL d, h:mm a ZZZZ');
}

/**
 * The time-left words of the emails: "3 h left", "overdue by 1 h", "overdue by 3 days" (48 h and more), or "already
 * counted late" (a late scan whose deadline has not passed).
 */
function timeLeft(order: Record<string, unknown>): string {
	const hours = order.hours_left as number;
	const span =
		Math.abs(hours) >= 48
			? `${Math.round(Math.abs(hours) / 24)} days`
			: `${Math.round(Math.abs(hours) * 10) / 10} h`;
	if (hours < 0) return `overdue by ${span}`;
	return order.band === 'overdue' ? 'already counted late' : `${span} left`;
}

/** No UTC and no ISO timestamps in what a person reads. */
const UTC_OR_ISO = /\bUTC\b|\d{4}-\d\d-\d\dT\d\d:/;

/**
 * The orders planted at risk per band, most urgent first (dev/simulator/seed/shopHealth.ts): F waits for the carrier
 * past its collection line, R7 is an hour past its dispatch line, R4 was scanned after its line; R1 is due in 3 h;
 * R6 (buyer asked to cancel, 6 h), R2 (10 h) and R5 (on hold, 11 h) within 12 h; R3 (uploaded, no scan) in 20 h.
 */
const BANDS = [
	{ band: 'overdue', subject: 'past the dispatch line', orders: [atRisk.F, atRisk.R7, atRisk.R4] },
	{ band: 'critical', subject: 'due within 4 h', orders: [atRisk.R1] },
	{ band: 'urgent', subject: 'due within 12 h', orders: [atRisk.R6, atRisk.R2, atRisk.R5] },
	{ band: 'soon', subject: 'due within 24 h', orders: [atRisk.R3] },
];

/**
 * The digest's own metrics as worked out by hand from the planted history (orders created in the last 30 days), and
 * the SPS values the simulator answers for the three metrics SPS also reports.
 */
const METRICS = [
	{
		label: 'Late dispatch rate',
		value: '4.17 %',
		counts: '1/24',
		sps: '4.17',
		difference: '0',
		status: 'Over the line',
		orders: [...PLANTED.lateDispatch],
	},
	{
		label: 'Valid tracking rate',
		value: '96 %',
		counts: '24/25',
		sps: '-',
		difference: '-',
		status: 'OK',
		orders: [...PLANTED.invalidTracking],
	},
	{
		label: 'Seller-fault cancellation rate',
		value: '2.44 %',
		counts: '1/41',
		sps: '2.44',
		difference: '0',
		status: 'OK',
		orders: [...PLANTED.sellerFaultCancelled],
	},
	{
		label: 'On-time delivery rate',
		value: '82.61 %',
		counts: '19/23',
		sps: '84',
		difference: '-1.39',
		status: 'OK',
		orders: [...PLANTED.lateDelivery],
	},
	{
		label: 'Return handling time',
		value: '20 hours',
		counts: '3/3',
		sps: '-',
		difference: '-',
		status: 'OK',
		orders: [] as string[],
	},
];

/** The SPS overview the simulator answers by default (dev/simulator/seed/shopPerformance.ts). */
const SPS_ROWS = [
	['Late dispatch rate', '4.17 %', 'at most 4 %', 'Rising', 'Fair', 'Over the line'],
	['Seller-fault cancellation rate', '2.44 %', 'at most 2.5 %', 'Rising', 'Good', 'Meets the line'],
	['On-time delivery rate', '84 %', 'at least 80 %', 'Falling', 'Good', 'Meets the line'],
	['Negative review rate', '0.9 %', 'at most 1.2 %', 'Falling', 'Excellent', 'Meets the line'],
	['Chat response rate within 24 h', '90 %', 'at least 85 %', 'Rising', 'Good', 'Meets the line'],
	['Comment response time', '7.5 hours', 'at most 12 hours', 'Falling', 'Good', 'Meets the line'],
];

function unescapeHtml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
}

/** The cells of each table row with `columns` data cells, in order, markup removed. */
function tableRows(html: string, columns: number): string[][] {
	return [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)]
		.map((row) =>
			[...row[1].matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((cell) =>
				unescapeHtml(cell[1].replace(/<[^>]+>/g, '')).trim(),
			),
		)
		.filter((cells) => cells.length === columns);
}

/** The table that follows a paragraph containing `heading`, as rows of cells. */
function tableAfter(html: string, heading: string, columns: number): string[][] {
	const start = html.indexOf(heading);
	if (start === -1) throw new Error(`The digest has no "${heading}"`);
	const end = html.indexOf('</table>', start);
	return tableRows(html.slice(start, end), columns);
}

/**
 * The hourly schedule fires at minute 5. A run of it during the test would mail a second set of alerts into the
 * outbox, so the test starts its manual runs clear of that minute.
 */
async function clearOfTheHourlyRun(): Promise<void> {
	const minute = () => new Date().getMinutes() + new Date().getSeconds() / 60;
	while (minute() >= 3.5 && minute() < 6.5)
		await new Promise((resolve) => setTimeout(resolve, 5000));
}

describe('workflows/shop-health-guard.json in n8n 2.41.1', () => {
	const workflow = template('shop-health-guard.json');
	let stack: Stack;

	const run = async (
		trigger: string,
	): Promise<{ execution: Execution; requests: Stack['simulator']['requests'] }> => {
		stack.simulator.reset();
		const execution = await stack.api.waitForExecution(
			await stack.api.runManually(workflow.id, trigger),
		);
		if (execution.status !== 'success') throw new Error(describeFailure(execution));
		return { execution, requests: [...stack.simulator.requests] };
	};

	beforeAll(async () => {
		stack = await startStack({ setupOwner: true, publish: [workflow.id] });
		plantShopHealthHistory(stack.simulator.state, Math.floor(Date.now() / 1000));
		stack.simulator.reset();
		await clearOfTheHourlyRun();
	});

	afterAll(async () => {
		await stack?.stop();
	});

	it('is imported with its credentials and active, Slack left disabled', async () => {
		expect((await stack.api.workflow(workflow.id)).active).toBe(true);
		expect(workflow.nodes.find((node) => node.name === 'Post to Slack instead')).toMatchObject({
			disabled: true,
		});
	});

	describe('hourly: Orders at Risk → one email per band', () => {
		let execution: Execution;
		let requests: Stack['simulator']['requests'];
		let mails: OutboxMessage[];

		beforeAll(async () => {
			const mailsBefore = stack.outbox.messages.length;
			({ execution, requests } = await run(HOURLY));
			mails = await stack.outbox.waitFor(BANDS.length, { sinceIndex: mailsBefore });
			// Anything beyond one mail per band would be a duplicate alert.
			await new Promise((resolve) => setTimeout(resolve, 1500));
			mails = stack.outbox.messages.slice(mailsBefore);
		});

		it('groups exactly the planted orders into their bands, most urgent first', () => {
			const groups = nodeOutput(execution, BY_BAND);
			expect(groups.map((group) => [group.band, group.order_ids])).toEqual(
				BANDS.map((band) => [band.band, band.orders]),
			);
			// n8n passes items through a disabled node unchanged; it has no credential, so nothing reaches Slack.
			expect(nodeOutput(execution, 'Post to Slack instead')).toEqual(groups);
		});

		it('reads each open status once in pages of 100, and tracking only for the two uploaded parcels without a scan', () => {
			const searches = requests.filter((request) => request.path === ORDER_SEARCH);
			expect(
				searches.map((request) => (request.body as { order_status: string }).order_status),
			).toEqual(['AWAITING_COLLECTION', 'PARTIALLY_SHIPPING', 'AWAITING_SHIPMENT', 'ON_HOLD']);
			for (const search of searches)
				expect(search).toMatchObject({
					method: 'POST',
					status: 200,
					code: 0,
					query: expect.objectContaining({ page_size: '100' }),
				});
			const tracking = requests
				.filter((request) => request.path.endsWith('/tracking'))
				.map((request) => request.path.split('/')[4]);
			expect(tracking.sort()).toEqual([atRisk.F, atRisk.R3].sort());
			expect(requests).toHaveLength(searches.length + tracking.length);
			expect(stack.simulator.mutations).toEqual([]);
		});

		it('mails one alert per band that names exactly the orders planted in it, with time left, reason and next step', () => {
			expect(mails).toHaveLength(BANDS.length);
			const groups = nodeOutput(execution, BY_BAND);
			BANDS.forEach((band, index) => {
				const mail = mails[index];
				expect(mail.to).toBe('operations@example.com');
				const count = band.orders.length;
				expect(mail.subject).toBe(
					`TikTok Shop: ${count} order${count === 1 ? '' : 's'} ${band.subject}`,
				);
				const rows = tableRows(mail.html, 5);
				expect(rows.map((cells) => cells[0])).toEqual(band.orders);
				const orders = groups[index].orders as Array<Record<string, unknown>>;
				rows.forEach((cells, row) => {
					expect(cells).toEqual([
						orders[row].order_id,
						timeLeft(orders[row]),
						local(orders[row].deadline),
						orders[row].reason_label,
						orders[row].next_step,
					]);
				});
			});
			const [overdueMail, criticalMail, urgentMail, soonMail] = mails;
			expect(overdueMail.subject).toBe('TikTok Shop: 3 orders past the dispatch line');
			expect(criticalMail.subject).toBe('TikTok Shop: 1 order due within 4 h');
			expect([urgentMail.subject, soonMail.subject]).toEqual([
				'TikTok Shop: 3 orders due within 12 h',
				'TikTok Shop: 1 order due within 24 h',
			]);
			const [overdue, critical, urgent, soon] = mails.map((mail) => tableRows(mail.html, 5));
			expect(overdue.map((cells) => cells[3])).toEqual([
				'Tracking uploaded, no carrier scan yet',
				'No tracking number yet',
				"Carrier's first scan came after the dispatch line",
			]);
			expect(Number.parseFloat(critical[0][1])).toBeCloseTo(3, 0);
			expect(urgent.map((cells) => cells[3])).toEqual([
				'Buyer asked to cancel',
				'No tracking number yet',
				'On hold by TikTok',
			]);
			expect(soon[0][4]).toMatch(/^Hand the parcel to .+ or book a pickup/);
		});

		it("gives every time in the seller's time zone from Settings, in the table and in the next steps, never UTC", () => {
			const groups = nodeOutput(execution, BY_BAND);
			for (const group of groups) expect(group.time_zone).toBe(ZONE);
			const orders = groups.flatMap((group) => group.orders as Array<Record<string, unknown>>);
			for (const order of orders) {
				expect(order.deadline).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/); // expressions keep ISO
				expect(order.deadline_local).toBe(local(order.deadline));
				expect(order.deadline_local).toMatch(/ P[SD]T$/);
				expect(order.next_step).toMatch(/ P[SD]T\b/);
			}
			const lateScan = orders.find((order) => order.order_id === atRisk.R4) as Record<
				string,
				unknown
			>;
			expect(lateScan.next_step).toContain(`first scanned it ${local(lateScan.carrier_scan_at)}`);
			for (const mail of mails) {
				expect(unescapeHtml(mail.html)).toContain(`Times are in ${ZONE}.`);
				expect(mail.html).not.toMatch(UTC_OR_ISO);
				expect(mail.text).not.toMatch(UTC_OR_ISO);
			}
		});

		it('has a plain-text part with the same orders, deadlines, time left and next steps', () => {
			const groups = nodeOutput(execution, BY_BAND);
			mails.forEach((mail, index) => {
				const orders = groups[index].orders as Array<Record<string, unknown>>;
				const [intro, blank, ...lines] = mail.text.trim().split('\n');
				expect(intro).toMatch(
					/^\d+ TikTok Shop orders? (past the dispatch line|due within \d+ h), most urgent first\./,
				);
				expect(intro).toContain(`Times are in ${ZONE}.`);
				expect(blank).toBe('');
				expect(lines).toEqual(
					orders.flatMap((order) => [
						`- Order ${order.order_id as string}: ${order.reason_label as string}. Deadline ${local(order.deadline)} (${timeLeft(order)}).`,
						`  ${order.next_step as string}`,
					]),
				);
			});
		});
	});

	describe('daily: metrics, orders to act on first and the Performance Score → one digest', () => {
		let execution: Execution;
		let requests: Stack['simulator']['requests'];
		let digest: OutboxMessage;

		beforeAll(async () => {
			const mailsBefore = stack.outbox.messages.length;
			({ execution, requests } = await run(DAILY));
			[digest] = await stack.outbox.waitFor(1, { sinceIndex: mailsBefore });
			await new Promise((resolve) => setTimeout(resolve, 1500));
			expect(stack.outbox.messages.length - mailsBefore).toBe(1);
		});

		it("states TikTok's score and how many of our metrics are over the line in the subject", () => {
			expect(digest.to).toBe('operations@example.com');
			// Planted: F, R7 and R4 past their line; R1, R6, R2, R5 and R3 due within 24 h.
			expect(digest.subject).toBe(
				'TikTok Shop health: SPS 3.8, 1 metric over the line, 3 orders overdue, 5 due within 24 h',
			);
			const score = nodeOutput(execution, 'Performance score')[0];
			expect(unescapeHtml(digest.html)).toContain(
				`Shop Performance Score: <b>3.8</b> (Good), updated ${local(score.updated_at)}.`,
			);
			expect(digest.text).toContain(
				`Shop Performance Score: 3.8 (Good), updated ${local(score.updated_at)}.`,
			);
		});

		it("lists our five metrics with the planted numbers, the orders behind them, and SPS's value and the difference", () => {
			const computed = nodeOutput(execution, 'Our own metrics');
			expect(
				computed.map((metric) => `${metric.numerator as number}/${metric.denominator as number}`),
			).toEqual(METRICS.map((metric) => metric.counts));
			// The orders behind a number come in TikTok's search order; which ones, not their order, is planted.
			const rows = tableAfter(digest.html, 'Our count from the orders of the last 30 days', 6).map(
				(cells) => [...cells.slice(0, 5), cells[5].split(', ').filter(Boolean).sort().join(', ')],
			);
			expect(rows).toEqual(
				METRICS.map((metric) => [
					metric.label,
					`${metric.value} (${metric.counts})`,
					metric.sps,
					metric.difference,
					metric.status,
					[...metric.orders].sort().join(', '),
				]),
			);
		});

		it('lists every SPS metric with value, threshold, trend, tier and standing, the one TikTok added later included', () => {
			expect(tableRows(digest.html, 6).slice(0, SPS_ROWS.length)).toEqual(SPS_ROWS);
		});

		it('lists the orders to act on first in urgency order, with local deadlines, in HTML and plain text', () => {
			const list = unescapeHtml(digest.html.slice(digest.html.indexOf('Orders to act on first')));
			expect(list).toContain(`Times are in ${ZONE}.`);
			const risks = nodeOutput(execution, 'Orders to act on first');
			const items = [
				...list.matchAll(
					/<li>(\d+): (.*?), (overdue by [\d.]+ (?:h|days)|already counted late|[\d.]+ h left), deadline (.*?)\. /g,
				),
			].map((match) => [match[1], match[2], match[3], match[4]]);
			expect(items.map(([id, , left, deadline]) => [id, left, deadline])).toEqual(
				risks.map((risk) => [risk.order_id, timeLeft(risk), local(risk.deadline)]),
			);
			expect(digest.text).toContain(
				`Orders to act on first, most urgent first. Times are in ${ZONE}.`,
			);
			risks.forEach((risk, index) =>
				expect(digest.text).toContain(
					`${index + 1}. ${risk.order_id as string}: ${risk.reason_label as string}, ${timeLeft(risk)}, deadline ${local(risk.deadline)}.\n   ${risk.next_step as string}`,
				),
			);
			expect(digest.html).not.toMatch(UTC_OR_ISO);
			expect(digest.text).not.toMatch(UTC_OR_ISO);
			expect(items.map(([id, reason]) => [id, reason])).toEqual([
				[atRisk.F, 'Tracking uploaded, no carrier scan yet'],
				[atRisk.R7, 'No tracking number yet'],
				[atRisk.R4, "Carrier's first scan came after the dispatch line"],
				[atRisk.R1, 'No tracking number yet'],
				[atRisk.R6, 'Buyer asked to cancel'],
				[atRisk.R2, 'No tracking number yet'],
				[atRisk.R5, 'On hold by TikTok'],
				[atRisk.R3, 'Tracking uploaded, no carrier scan yet'],
			]);
		});

		it('attaches the 30-day chart rendered in the node as a PNG, one panel per SPS metric', async () => {
			expect(digest.attachments).toHaveLength(1);
			expect(digest.attachments[0]).toMatchObject({
				filename: 'shop-performance-trend.png',
				contentType: 'image/png',
			});
			const meta = await sharp(digest.attachments[0].content).metadata();
			expect(meta).toMatchObject({ format: 'png', width: 900, height: 50 + SPS_ROWS.length * 170 });
		});

		it('reads the overview and one detail per metric for the chart, plus one more overview for the comparison, and changes nothing', () => {
			const sps = requests
				.filter((request) => request.path.startsWith(SPS))
				.map((request) => request.path.slice(SPS.length));
			expect(sps.filter((path) => path === '/overview')).toHaveLength(2);
			expect(sps.filter((path) => path === '/metrics/detail')).toHaveLength(SPS_ROWS.length);
			for (const request of requests) expect(request).toMatchObject({ status: 200, code: 0 });
			expect(stack.simulator.mutations).toEqual([]);
		});
	});

	it('still mails the digest for a shop outside the US, saying why there is no score, with our own metrics', async () => {
		const { state } = stack.simulator;
		const region = state.shop.region;
		state.shop.region = 'GB' as typeof region;
		try {
			const mailsBefore = stack.outbox.messages.length;
			const { execution, requests } = await run(DAILY);
			const [digest] = await stack.outbox.waitFor(1, { sinceIndex: mailsBefore });
			expect(nodeOutput(execution, 'Performance score')).toEqual([
				expect.objectContaining({ error: expect.stringMatching(/US shops only; .* is in GB/) }),
			]);
			expect(requests.some((request) => request.path.startsWith(SPS))).toBe(false);
			expect(digest.subject).toBe(
				'TikTok Shop health: SPS unavailable, 1 metric over the line, 3 orders overdue, 5 due within 24 h',
			);
			expect(digest.text).toMatch(/^Shop Performance Score unavailable: .*US shops only/);
			expect(unescapeHtml(digest.html)).toMatch(
				/Shop Performance Score unavailable: .*US shops only/,
			);
			expect(digest.attachments).toEqual([]);
			const rows = tableAfter(digest.html, 'Our count from the orders of the last 30 days', 6);
			expect(rows.map((cells) => cells.slice(0, 2))).toEqual(
				METRICS.map((metric) => [metric.label, `${metric.value} (${metric.counts})`]),
			);
			expect(rows[0][4]).toBe('Over the line');
		} finally {
			state.shop.region = region;
		}
	});

	it('writes every email for a person: a plain-text part, local times, no codes, no n8n words', () => {
		const mails = stack.outbox.messages;
		expect(mails.length).toBeGreaterThanOrEqual(BANDS.length + 2);
		for (const mail of mails) {
			const visible = `${mail.subject}\n${mail.text}\n${unescapeHtml(mail.html.replace(/<[^>]+>/g, ' '))}`;
			expect({ subject: mail.subject, text: mail.text.length > 50 }).toEqual({
				subject: mail.subject,
				text: true,
			});
			expect({
				subject: mail.subject,
				found: [
					...(visible.match(/\b[A-Z]{3,}_[A-Z_]{3,}\b/g) ?? []), // TikTok's codes
					...(visible.match(/\b[a-z]+_[a-z]+(_[a-z]+)*\b/g) ?? []), // field names
					...(visible.match(UTC_OR_ISO) ?? []),
					...(visible.match(/\b(execution|output|undefined|null|NaN)\b/gi) ?? []),
				],
			}).toEqual({ subject: mail.subject, found: [] });
			expect(visible).toContain(`Times are in ${ZONE}.`);
		}
	});
});
