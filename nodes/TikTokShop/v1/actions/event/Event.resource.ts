import type { INodeProperties } from 'n8n-workflow';

import type { TikTokShopOperation } from '../../helpers/interfaces';
import * as listDeadLetters from './listDeadLetters.operation';
import * as recoverMissed from './recoverMissed.operation';
import * as replayDeadLetter from './replayDeadLetter.operation';

export const operations: Record<string, TikTokShopOperation> = {
	listDeadLetters,
	replayDeadLetter,
	recoverMissed,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'List Dead Letters',
				value: 'listDeadLetters',
				action: 'List dead-lettered events',
				description: 'Events whose runs failed every attempt, with the last error',
			},
			{
				name: 'Recover Missed Order Updates',
				value: 'recoverMissed',
				action: 'Recover order updates whose webhook never arrived',
				description:
					'Finds orders updated recently that the trigger never received, and queues them for it',
			},
			{
				name: 'Replay Dead Letter',
				value: 'replayDeadLetter',
				action: 'Replay a dead-lettered event',
				description: 'Hands the event to the TikTok Shop Trigger again, as a fresh event',
			},
		],
		default: 'listDeadLetters',
	},
	...listDeadLetters.description,
	...replayDeadLetter.description,
	...recoverMissed.description,
];
