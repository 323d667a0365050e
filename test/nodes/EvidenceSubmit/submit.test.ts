import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { closeAllStores } from '../../../nodes/shared/store';
import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import {
	startSimulator,
	type Cancellation,
	type ReturnOrder,
	type RunningSimulator,
} from '../../../dev/simulator';
import { fixture, HOUR, photo, runEvidence, withFiles } from './evidenceHarness';
import { simulatorCredentials } from '../../../dev/harness/simulatorCredentials';

let sim: RunningSimulator;
let userFolder: string;

function credentials() {
	return simulatorCredentials(sim);
}

beforeAll(async () => {
	userFolder = mkdtempSync(join(tmpdir(), 'evidence-store-'));
	process.env.N8N_USER_FOLDER = userFolder;
	sim = await startSimulator({ seed: 11, orders: 600 });
});
afterAll(async () => {
	await sim.close();
	await closeAllStores();
	rmSync(userFolder, { recursive: true, force: true });
});
beforeEach(() => {
	resetBuckets();
	sim.reset();
});

const used = new Set<string>();
/**
 * A return awaiting the seller's answer, not used by another test: the seed has only a few pending ones, so a
 * completed return of the shop is reopened as a fresh request (status, type and a deadline 20 hours out).
 */
function openReturn(type: ReturnOrder['return_type']): ReturnOrder {
	const ret = sim.state.returns.find(
		(candidate) =>
			!used.has(candidate.return_id) &&
			candidate.return_status === 'RETURN_OR_REFUND_REQUEST_COMPLETE',
	)!;
	used.add(ret.return_id);
	Object.assign(ret, {
		return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
		return_type: type,
		arbitration_status: undefined,
	});
	ret.seller_next_action_response = [
		{ action: 'SELLER_RESPOND_REQUEST', deadline: Math.floor(Date.now() / 1000) + 20 * HOUR },
	];
	return ret;
}
const pendingCancellations = (): Cancellation[] =>
	sim.state.cancellations.filter((c) => c.cancel_status === 'CANCELLATION_REQUEST_PENDING');
/** Seeded deadlines may already lie in the past (the seed backdates requests); tests move them ahead. */
function giveTime(actions: Array<{ deadline: number }>): void {
	for (const action of actions) action.deadline = Math.floor(Date.now() / 1000) + 20 * HOUR;
}

async function findCases(parameters: IDataObject = {}): Promise<INodeExecutionData[]> {
	const [out] = await runEvidence({
		credentials: credentials(),
		parameters: {
			operation: 'findCases',
			caseTypes: ['return', 'cancellation'],
			returnStatuses: [
				'RETURN_OR_REFUND_REQUEST_PENDING',
				'BUYER_SHIPPED_ITEM',
				'REFUND_OR_RETURN_REQUEST_REJECT',
			],
			returnTypes: [],
			cancelStatuses: ['CANCELLATION_REQUEST_PENDING'],
			onlyNeedingAction: true,
			emitOncePerStatus: false,
			findOptions: {},
			...parameters,
		},
	});
	return out;
}

/** Find Cases → Build Evidence Packet for one case, as the template wires them. */
async function packetFor(
	caseId: string,
	claimType: string,
	evidence: IDataObject,
	files: Record<string, { data: Buffer; fileName: string }>,
): Promise<INodeExecutionData> {
	const found = (await findCases()).find((item) => item.json.case_id === caseId);
	if (!found) throw new Error(`case ${caseId} not found by Find Cases`);
	const [[packet]] = await runEvidence({
		items: [withFiles(found.json, files)],
		parameters: {
			operation: 'buildPacket',
			caseData: found.json,
			claimType,
			poolByCase: true,
			evidence,
			packetOptions: {},
		},
	});
	return packet;
}

async function submit(
	packets: INodeExecutionData[],
	parameters: IDataObject = {},
): Promise<{
	submitted: INodeExecutionData[];
	skipped: INodeExecutionData[];
	failed: INodeExecutionData[];
}> {
	const [submitted, skipped, failed] = await runEvidence({
		credentials: credentials(),
		items: packets,
		parameters: {
			operation: 'submit',
			caseId: (index: number) => packets[index].json.case_id,
			rejectReason: 'auto',
			submitNotReady: false,
			attachSummary: true,
			imageUseCase: 'DESCRIPTION_IMAGE',
			requestOptions: { maxRetries: 0 },
			...parameters,
		},
	});
	return { submitted, skipped, failed };
}

const inrEvidence = {
	trackingNumber: '9400111899223344556677',
	carrier: 'USPS',
	scanEvents: fixture('usps-delivered-scans.json'),
};

describe('Find Cases Needing Action', () => {
	it('searches returns and cancellations with the documented page sizes and emits one item per case, soonest deadline first', async () => {
		const out = await findCases();
		const searches = sim.requests.filter((request) => request.path.endsWith('/search'));
		expect(searches.map((request) => [request.path, request.query.page_size])).toEqual(
			expect.arrayContaining([
				['/return_refund/202309/returns/search', '50'],
				['/return_refund/202309/cancellations/search', '50'],
			]),
		);
		expect(searches.find((request) => request.path.includes('returns'))!.body).toEqual({
			return_status: [
				'RETURN_OR_REFUND_REQUEST_PENDING',
				'BUYER_SHIPPED_ITEM',
				'REFUND_OR_RETURN_REQUEST_REJECT',
			],
		});
		const expected =
			sim.state.returns.filter(
				(ret) =>
					[
						'RETURN_OR_REFUND_REQUEST_PENDING',
						'BUYER_SHIPPED_ITEM',
						'REFUND_OR_RETURN_REQUEST_REJECT',
					].includes(ret.return_status) &&
					(ret.seller_next_action_response.length > 0 || ret.arbitration_status === 'IN_PROGRESS'),
			).length + pendingCancellations().length;
		expect(out).toHaveLength(expected);
		expect(out.length).toBeGreaterThan(3);
		const deadlines = out.map((item) => (item.json.deadline_unix as number | null) ?? Infinity);
		expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
		const cancellation = out.find((item) => item.json.case_type === 'cancellation')!;
		const source = sim.state.cancellations.find((c) => c.cancel_id === cancellation.json.case_id)!;
		expect(cancellation.json).toMatchObject({
			order_id: source.order_id,
			status: 'CANCELLATION_REQUEST_PENDING',
			reason_text: source.cancel_reason_text,
			refund_total: source.refund_amount.refund_total,
			deadline_unix: source.seller_next_action_response[0].deadline,
			deadline_action: 'SELLER_RESPOND_CANCEL',
			answer_channel: 'api',
			claim_type: 'CANCELLATION_ALREADY_PACKED',
		});
		const arbitration = out.find((item) => item.json.arbitration_status === 'IN_PROGRESS');
		expect(arbitration?.json).toMatchObject({ answer_channel: 'manual', deadline: null });
		expect(out[out.length - 1].json.deadline).toBeNull();
	});

	it('with "emit each case once per status" a second run emits nothing, and a status change emits that case again', async () => {
		const parameters = { emitOncePerStatus: true, stateStore: 'embedded', memoryName: 'wf-desk' };
		const first = await findCases(parameters);
		expect(first.length).toBeGreaterThan(0);
		expect(await findCases(parameters)).toHaveLength(0);
		const moved = sim.state.returns.find(
			(ret) =>
				ret.return_id === first.find((item) => item.json.case_type === 'return')!.json.case_id,
		)!;
		moved.return_status = 'BUYER_SHIPPED_ITEM';
		moved.seller_next_action_response = [
			{
				action: 'SELLER_RESPOND_RECEIVE_PACKAGE',
				deadline: Math.floor(Date.now() / 1000) + 10 * HOUR,
			},
		];
		const third = await findCases(parameters);
		expect(third.map((item) => [item.json.case_id, item.json.status])).toEqual([
			[moved.return_id, 'BUYER_SHIPPED_ITEM'],
		]);
		expect(await findCases({ ...parameters, memoryName: 'another-workflow' })).toHaveLength(
			first.length,
		);
	});
});

describe('Submit', () => {
	it('uploads each image as multipart "data" without shop_cipher, then rejects with the uris as image_id and a derived idempotency key', async () => {
		const ret = openReturn('REFUND');
		const packet = await packetFor(ret.return_id, 'ITEM_NOT_RECEIVED', inrEvidence, {
			data: { data: await photo({ taken: '2026-11-22T13:03:10' }), fileName: 'pod-porch.jpg' },
		});
		expect(packet.json.verdict).toBe('ready');
		sim.reset();
		const { submitted, skipped, failed } = await submit([packet], {
			rejectReason: 'reverse_reject_request_reason_1',
		});
		expect([submitted.length, skipped.length, failed.length]).toEqual([1, 0, 0]);
		const uploads = sim.requests.filter(
			(request) => request.path === '/product/202309/images/upload',
		);
		expect(uploads).toHaveLength(2);
		for (const upload of uploads) {
			expect(upload.query.shop_cipher).toBeUndefined();
			expect(upload.body).toMatchObject({
				fields: { use_case: 'DESCRIPTION_IMAGE' },
				files: { data: { contentType: expect.stringMatching(/^image\/(png|jpeg)$/) } },
			});
		}
		expect((uploads[0].body as { files: { data: { fileName: string } } }).files.data.fileName).toBe(
			`evidence-return-${ret.return_id}.png`,
		);
		const uris = sim.mutations
			.filter((mutation) => mutation.type === 'imageUpload')
			.map((mutation) => (mutation as { uri: string }).uri);
		const reject = sim.mutations.find((mutation) => mutation.type === 'returnReject')!;
		expect(reject).toMatchObject({
			returnId: ret.return_id,
			decision: 'REJECT_REFUND',
			rejectReason: 'reverse_reject_request_reason_1',
			imageIds: uris,
		});
		expect(reject.idempotencyKey).toMatch(/^n8n-[0-9a-f]{40}$/);
		expect(submitted[0].json).toMatchObject({
			case_id: ret.return_id,
			idempotency_key: reject.idempotencyKey,
			image_ids: uris,
			images_uploaded: 2,
			decision: 'REJECT_REFUND',
		});
		const rejectRequest = sim.requests.find((request) => request.path.endsWith('/reject'))!;
		expect(rejectRequest.body).toMatchObject({
			comment: packet.json.comment,
			images: [
				expect.objectContaining({
					image_id: uris[0],
					mime_type: 'image/png',
					width: 1240,
					height: 1754,
				}),
				expect.objectContaining({ image_id: uris[1], mime_type: 'image/jpeg' }),
			],
		});
		expect(ret.return_status).toBe('REFUND_OR_RETURN_REQUEST_REJECT');
	});

	it('a re-run never submits twice: the answered case is skipped, and a replayed call reuses the same key', async () => {
		const ret = openReturn('REFUND');
		const packet = await packetFor(ret.return_id, 'ITEM_NOT_RECEIVED', inrEvidence, {});
		sim.reset();
		const first = await submit([packet], { rejectReason: 'reverse_reject_request_reason_1' });
		const key = first.submitted[0].json.idempotency_key;
		const second = await submit([packet], { rejectReason: 'reverse_reject_request_reason_1' });
		expect(second.skipped[0].json.skipped_reason).toContain('no longer waits for an answer');
		expect(
			sim.requests.filter((request) => request.path === '/product/202309/images/upload'),
		).toHaveLength(1);
		// The first answer was lost (say n8n crashed after sending): TikTok still shows the case open.
		ret.return_status = 'RETURN_OR_REFUND_REQUEST_PENDING';
		ret.seller_next_action_response = [
			{ action: 'SELLER_RESPOND_REQUEST', deadline: Math.floor(Date.now() / 1000) + 20 * HOUR },
		];
		const third = await submit([packet], { rejectReason: 'reverse_reject_request_reason_1' });
		expect(third.submitted[0].json.idempotency_key).toBe(key);
		expect(sim.mutations.filter((mutation) => mutation.type === 'returnReject')).toHaveLength(1);
		expect(
			sim.requests
				.filter((request) => request.path.endsWith('/reject'))
				.map((request) => request.query.idempotency_key),
		).toEqual([key, key]);
	});

	it("picks TikTok's matching reject reason for a cancellation, and skips with the offered list when none answers the claim", async () => {
		const cancellation = pendingCancellations()[0];
		giveTime(cancellation.seller_next_action_response);
		const packed = await packetFor(
			cancellation.cancel_id,
			'auto',
			{},
			{ data: { data: await photo(), fileName: 'packed-label.jpg' } },
		);
		const ret = openReturn('REFUND');
		const inr = await packetFor(ret.return_id, 'ITEM_NOT_RECEIVED', inrEvidence, {});
		sim.reset();
		const { submitted, skipped } = await submit([packed, inr]);
		expect(
			submitted.map((item) => [item.json.case_id, item.json.reject_reason, item.json.decision]),
		).toEqual([[cancellation.cancel_id, 'seller_reject_apply_product_has_been_packed', null]]);
		expect(sim.mutations.find((mutation) => mutation.type === 'cancellationReject')).toMatchObject({
			cancelId: cancellation.cancel_id,
			rejectReason: 'seller_reject_apply_product_has_been_packed',
		});
		expect(skipped[0].json.case_id).toBe(ret.return_id);
		expect(skipped[0].json.skipped_reason).toContain(
			'None of TikTok\'s reject reasons for this case answers "Item not received"',
		);
		expect(skipped[0].json.skipped_reason).toContain('reverse_reject_request_reason_3');
		expect(skipped[0].pairedItem).toEqual({ item: 1 });
	});

	it("a mixed batch ends with every packet on Submitted, Skipped or Error; TikTok's refusal keeps its code and request_id", async () => {
		const good = openReturn('REFUND');
		const conflicting = openReturn('RETURN_AND_REFUND');
		const ready = await packetFor(good.return_id, 'ITEM_NOT_RECEIVED', inrEvidence, {});
		const notReady = await packetFor(
			good.return_id,
			'ITEM_NOT_RECEIVED',
			{ scanEvents: fixture('label-only-scans.json') },
			{},
		);
		const wrongDecision = await packetFor(
			conflicting.return_id,
			'ITEM_NOT_RECEIVED',
			inrEvidence,
			{},
		);
		// A packet made while TikTok listed it as refund-only; TikTok now refuses REJECT_REFUND for it.
		(wrongDecision.json.submission as IDataObject).decision = 'REJECT_REFUND';
		const stray = { json: { order_id: '576684019603311365', note: 'not a packet' } };
		sim.reset();
		const { submitted, skipped, failed } = await submit([notReady, ready, wrongDecision, stray], {
			rejectReason: 'reverse_reject_request_reason_1',
		});
		expect(submitted.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(skipped.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(skipped[0].json.skipped_reason).toContain('Verdict "missing_required_evidence"');
		expect(skipped[0].binary?.summary_pdf).toBeDefined();
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 2 }, { item: 3 }]);
		expect(failed[0].json).toMatchObject({
			case_id: conflicting.return_id,
			code: 25001002,
			request_id: expect.any(String),
		});
		expect(failed[0].json.error).toContain('REJECT_REFUND is not allowed');
		expect(failed[1].json.error).toContain('no case id');
		expect(
			sim.mutations
				.filter((mutation) => mutation.type === 'returnReject')
				.map((mutation) => (mutation as { returnId: string }).returnId),
		).toEqual([good.return_id]);
	});

	it('a failed upload sends no reject and says nothing was submitted', async () => {
		const ret = openReturn('REFUND');
		const packet = await packetFor(ret.return_id, 'ITEM_NOT_RECEIVED', inrEvidence, {
			data: { data: await photo(), fileName: 'pod.jpg' },
		});
		sim.reset();
		sim.faults.inject({ pathPattern: '/product/202309/images/upload', kind: '5xx', times: 5 });
		const { submitted, failed } = await submit([packet], {
			rejectReason: 'reverse_reject_request_reason_1',
		});
		expect(submitted).toHaveLength(0);
		expect(failed[0].json.error).toContain(
			`uploading "evidence-return-${ret.return_id}.png" failed`,
		);
		expect(failed[0].json.description).toContain('Nothing was submitted for this case');
		expect(sim.mutations.filter((mutation) => mutation.type === 'returnReject')).toHaveLength(0);
	});

	it('manual-only packets and past deadlines are skipped with what to do, files kept for the manual upload', async () => {
		const ret = openReturn('REFUND');
		const packet = await packetFor(ret.return_id, 'ITEM_NOT_RECEIVED', inrEvidence, {});
		const late = {
			...packet,
			json: { ...packet.json, deadline_unix: Math.floor(Date.now() / 1000) - HOUR },
		};
		const manual = {
			...packet,
			json: {
				...packet.json,
				submission: {
					channel: 'manual',
					decision: null,
					how: 'TikTok is arbitrating this case. Upload the summary PDF by hand in Seller Center.',
				},
			},
		};
		sim.reset();
		const { skipped } = await submit([late, manual]);
		expect(skipped[0].json.skipped_reason).toContain('The deadline passed');
		expect(skipped[1].json.skipped_reason).toMatch(
			/^No API takes this answer\. TikTok is arbitrating/,
		);
		expect(skipped[1].binary?.summary_pdf?.mimeType).toBe('application/pdf');
		expect(sim.mutations).toHaveLength(0);
	});
});
