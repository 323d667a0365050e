import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { openSelectedStore } from '../../../../shared/storeSelection';
import { listDeadLetters } from '../../../../shared/events/eventQueue';
import { queueFields } from './fields';

export const description: INodeProperties[] = [
	...queueFields(['listDeadLetters']),
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { resource: ['event'], operation: ['listDeadLetters'] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	_client: unknown,
	itemIndex: number,
): Promise<IDataObject[]> {
	const store = await openSelectedStore(this, itemIndex);
	const queue = this.getNodeParameter('queueName', itemIndex) as string;
	const letters = await listDeadLetters(
		store,
		queue,
		this.getNodeParameter('limit', itemIndex, 50) as number,
	);
	return letters.map(({ id, record }) => ({
		event_key: id,
		queue,
		attempts: record.failures,
		last_error: record.lastError ?? null,
		first_received_at: record.firstReceivedAt,
		// A run started it and never reported back: open that execution before replaying (see the trigger's Failed output).
		...(record.outcomeUnknown
			? { outcome_unknown: true, started_execution_id: record.startedRun?.executionId ?? null }
			: {}),
		...record.item,
	}));
}
