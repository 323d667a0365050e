import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { openSelectedStore } from '../../../../shared/storeSelection';
import { replayDeadLetter } from '../../../../shared/events/eventQueue';
import { signalQueue } from '../../../../shared/events/queueSignal';
import { queueFields } from './fields';

export const description: INodeProperties[] = [
	...queueFields(['replayDeadLetter']),
	{
		displayName: 'Event Key',
		name: 'eventKey',
		type: 'string',
		required: true,
		default: '={{ $json.event_key }}',
		description: 'The event_key of a dead letter, as listed by "List Dead Letters"',
		displayOptions: { show: { resource: ['event'], operation: ['replayDeadLetter'] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	_client: unknown,
	itemIndex: number,
): Promise<IDataObject[]> {
	const store = await openSelectedStore(this, itemIndex);
	const queue = this.getNodeParameter('queueName', itemIndex) as string;
	const eventKey = String(this.getNodeParameter('eventKey', itemIndex) ?? '').trim();
	if (!eventKey)
		throw new Error('"Event Key" is empty. Map it from "List Dead Letters" (event_key).');
	const replayed = await replayDeadLetter(store, queue, eventKey, Date.now());
	if (replayed) signalQueue(queue);
	return [
		{
			event_key: eventKey,
			queue,
			replayed,
			note: replayed
				? 'Queued again: the active workflow with this TikTok Shop Trigger runs it shortly.'
				: "No such dead letter: it was already replayed, or the queue name or store differs from the trigger's.",
		},
	];
}
