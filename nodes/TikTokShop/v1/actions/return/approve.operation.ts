import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { compact, splitIds } from '../../../../shared/nodeParameters';
import { returnIdField } from './fields';
import { idempotencyKeyField, resolveIdempotencyKey } from '../../../../shared/tiktok/idempotency';
import { returns } from '../../../../shared/tiktok/resources';

const show = { resource: ['return'], operation: ['approve'] };

export const description: INodeProperties[] = [
	{ ...returnIdField, displayOptions: { show } },
	{
		displayName: 'Decision',
		name: 'decision',
		type: 'options',
		options: [
			{ name: 'Approve Received Package', value: 'APPROVE_RECEIVED_PACKAGE' },
			{ name: 'Approve Refund', value: 'APPROVE_REFUND' },
			{ name: 'Approve Replacement', value: 'APPROVE_REPLACEMENT' },
			{ name: 'Approve Return', value: 'APPROVE_RETURN' },
			{ name: 'Issue Replacement Refund', value: 'ISSUE_REPLACEMENT_REFUND' },
			{ name: 'Offer Partial Refund', value: 'OFFER_PARTIAL_REFUND' },
		],
		default: 'APPROVE_REFUND',
		displayOptions: { show },
	},
	{
		displayName: 'Partial Refund Amount',
		name: 'partialRefundAmount',
		type: 'string',
		default: '',
		placeholder: '12.50',
		description: 'In the order currency, as a decimal',
		displayOptions: { show: { ...show, decision: ['OFFER_PARTIAL_REFUND'] } },
	},
	{ ...idempotencyKeyField, displayOptions: { show } },
];

export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const [returnId] = splitIds(
		this,
		this.getNodeParameter('returnId', itemIndex),
		'Return ID',
		itemIndex,
	);
	const decision = this.getNodeParameter('decision', itemIndex) as string;
	const amount =
		decision === 'OFFER_PARTIAL_REFUND'
			? (this.getNodeParameter('partialRefundAmount', itemIndex) as string).trim()
			: '';
	if (decision === 'OFFER_PARTIAL_REFUND' && !/^\d+(\.\d{1,2})?$/.test(amount)) {
		throw new Error(
			`"Partial Refund Amount" must be a decimal amount like 12.50 (got "${amount}")`,
		);
	}
	const body = compact({
		decision,
		partial_refund: amount ? { currency: 'USD', amount } : undefined,
	});
	const idempotencyKey = resolveIdempotencyKey(
		this,
		itemIndex,
		`approve:${returnId}:${decision}:${amount}`,
	);
	const { data } = await returns.approveReturn<IDataObject>(client, returnId, {
		body,
		idempotencyKey,
	});
	return [{ return_id: returnId, decision, idempotency_key: idempotencyKey, ...(data ?? {}) }];
}
