import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { openSelectedStore, storeProperty } from '../../../shared/storeSelection';
import { RETURN_STATUSES } from '../../../shared/tiktok/resources/returns';
import { compact, toUnixSeconds } from '../../../shared/nodeParameters';
import { caseItem } from '../cases/caseItem';
import {
	factsOfCancellation,
	factsOfReturn,
	type TikTokCancellation,
	type TikTokReturn,
} from '../cases/caseFacts';
import type { CaseFacts, ClientGetter, Outcome, WorkUnit } from '../helpers/interfaces';
import { returns } from '../../../shared/tiktok/resources';
import {
	CANCELLATION_STATUS_NAMES,
	RETURN_STATUS_NAMES,
	codeOptions,
} from '../../../shared/optionNames';

const show = { operation: ['findCases'] };
const CANCEL_STATUSES = [
	'CANCELLATION_REQUEST_PENDING',
	'CANCELLATION_REQUEST_SUCCESS',
	'CANCELLATION_REQUEST_CANCEL',
	'CANCELLATION_REQUEST_COMPLETE',
];

export const description: INodeProperties[] = [
	{
		displayName: 'Case Types',
		name: 'caseTypes',
		type: 'multiOptions',
		options: [
			{ name: 'Returns and Refunds', value: 'return' },
			{ name: 'Cancellations', value: 'cancellation' },
		],
		default: ['return', 'cancellation'],
		displayOptions: { show },
	},
	{
		displayName: 'Return Statuses',
		name: 'returnStatuses',
		type: 'multiOptions',
		options: codeOptions(RETURN_STATUSES, RETURN_STATUS_NAMES),
		default: [
			'RETURN_OR_REFUND_REQUEST_PENDING',
			'BUYER_SHIPPED_ITEM',
			'REFUND_OR_RETURN_REQUEST_REJECT',
		],
		description:
			'Pending requests and returned packages wait for your answer; rejected ones may be in arbitration',
		displayOptions: { show: { ...show, caseTypes: ['return'] } },
	},
	{
		displayName: 'Return Types',
		name: 'returnTypes',
		type: 'multiOptions',
		options: [
			{ name: 'Refund Only', value: 'REFUND' },
			{ name: 'Return and Refund', value: 'RETURN_AND_REFUND' },
			{ name: 'Replacement', value: 'REPLACEMENT' },
		],
		default: [],
		description: 'Empty: all types',
		displayOptions: { show: { ...show, caseTypes: ['return'] } },
	},
	{
		displayName: 'Cancellation Statuses',
		name: 'cancelStatuses',
		type: 'multiOptions',
		options: codeOptions(CANCEL_STATUSES, CANCELLATION_STATUS_NAMES),
		default: ['CANCELLATION_REQUEST_PENDING'],
		displayOptions: { show: { ...show, caseTypes: ['cancellation'] } },
	},
	{
		displayName: 'Only Cases That Need Action',
		name: 'onlyNeedingAction',
		type: 'boolean',
		default: true,
		description:
			'Whether to keep only cases with a seller deadline (TikTok waits for your answer) or in arbitration',
		displayOptions: { show },
	},
	{
		displayName: 'Emit Each Case Once per Status',
		name: 'emitOncePerStatus',
		type: 'boolean',
		default: false,
		description:
			'Whether to remember the cases already emitted, so a scheduled workflow alerts once per case and status rather than on every run',
		displayOptions: { show },
	},
	{ ...storeProperty, displayOptions: { show: { ...show, emitOncePerStatus: [true] } } },
	{
		displayName: 'Memory Name',
		name: 'memoryName',
		type: 'string',
		default: '={{ $workflow.id }}',
		description: 'Workflows with the same name share what was already emitted',
		displayOptions: { show: { ...show, emitOncePerStatus: [true] } },
	},
	{
		displayName: 'Options',
		name: 'findOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
			{
				displayName: 'Max Cases',
				name: 'maxCases',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1000,
				description: 'Per case type',
			},
			{
				displayName: 'Remember for (Days)',
				name: 'rememberDays',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 90,
				description: 'How long an emitted case and status is remembered',
			},
		],
	},
];

/** A case TikTok waits on, or one in arbitration whose outcome the seller may still appeal by hand. */
function needsAction(facts: CaseFacts): boolean {
	return facts.sellerActions.length > 0 || facts.arbitrationStatus === 'IN_PROGRESS';
}

export async function execute(
	this: IExecuteFunctions,
	unit: WorkUnit,
	client: ClientGetter,
): Promise<Outcome[]> {
	const [itemIndex] = unit;
	const caseTypes = this.getNodeParameter('caseTypes', itemIndex, [
		'return',
		'cancellation',
	]) as string[];
	const options = this.getNodeParameter('findOptions', itemIndex, {}) as IDataObject;
	const createdAfter = toUnixSeconds(this, options.createdAfter, 'Created After', itemIndex);
	const maxItems = (options.maxCases as number | undefined) ?? 1000;
	const api = await client();
	const found: Array<{ facts: CaseFacts; raw: IDataObject }> = [];
	if (caseTypes.includes('return')) {
		const body = compact({
			return_status: this.getNodeParameter('returnStatuses', itemIndex, []) as string[],
			return_types: this.getNodeParameter('returnTypes', itemIndex, []) as string[],
			create_time_ge: createdAfter,
		});
		const returned = await returns.searchReturns<TikTokReturn>(api, body, { maxItems });
		found.push(
			...returned.map((ret) => ({ facts: factsOfReturn(ret), raw: ret as unknown as IDataObject })),
		);
	}
	if (caseTypes.includes('cancellation')) {
		const body = compact({
			cancel_status: this.getNodeParameter('cancelStatuses', itemIndex, []) as string[],
			create_time_ge: createdAfter,
		});
		const cancellations = await returns.searchCancellations<TikTokCancellation>(api, body, {
			maxItems,
		});
		found.push(
			...cancellations.map((cancellation) => ({
				facts: factsOfCancellation(cancellation),
				raw: cancellation as unknown as IDataObject,
			})),
		);
	}
	const onlyNeedingAction = this.getNodeParameter('onlyNeedingAction', itemIndex, true) as boolean;
	const nowSeconds = Math.floor(Date.now() / 1000);
	const items = found
		.filter(({ facts }) => !onlyNeedingAction || needsAction(facts))
		.map(({ facts, raw }) => caseItem(facts, raw, nowSeconds))
		// Soonest deadline first; cases without one (arbitration) last, newest-created order kept among equals.
		.sort(
			(a, b) =>
				((a.deadline_unix as number | null) ?? Infinity) -
				((b.deadline_unix as number | null) ?? Infinity),
		);
	const fresh = this.getNodeParameter('emitOncePerStatus', itemIndex, false)
		? await keepUnseen(this, itemIndex, items, options)
		: items;
	return fresh.map((json) => ({ output: 0, json }));
}

/** claim() is atomic across n8n processes, so two overlapping schedule runs still emit a case and status once. */
async function keepUnseen(
	context: IExecuteFunctions,
	itemIndex: number,
	items: IDataObject[],
	options: IDataObject,
): Promise<IDataObject[]> {
	const store = await openSelectedStore(context, itemIndex);
	const memory = String(context.getNodeParameter('memoryName', itemIndex, '') || 'default');
	const ttlMs = ((options.rememberDays as number | undefined) ?? 90) * 86_400_000;
	const unseen: IDataObject[] = [];
	for (const item of items) {
		const key = [item.case_type, item.case_id, item.status, item.arbitration_status ?? ''].join(
			':',
		);
		if (await store.claim(`evidence-submit:cases:${memory}`, key, ttlMs)) unseen.push(item);
	}
	return unseen;
}
