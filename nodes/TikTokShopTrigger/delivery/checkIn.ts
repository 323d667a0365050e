import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { claimRun, runTokenOf, withoutRunToken } from '../../shared/events/runClaim';
import type { DurableStore } from '../../shared/store';
import { openSelectedStore } from '../../shared/storeSelection';
import { processingTimeoutMsOf } from '../settings';
import { runsLoop } from './redeliveryLoop';

/**
 * The first step of every run that starts at the trigger (n8n runs a trigger's emitted items through the node's
 * execute() before the next node). An event a redelivery loop handed out goes ahead only when its run claims it
 * (see shared/events/runClaim.ts); everything else (test events, events of Simple processing, dead letters on the
 * Failed output) passes through unchanged.
 */
export async function checkInRuns(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const events = this.getInputData(0);
	let failed: INodeExecutionData[] = [];
	try {
		failed = this.getInputData(1);
	} catch {
		// Only the Event output was emitted.
	}
	let store: DurableStore | undefined;
	const leaseMs = processingTimeoutMsOf(this.getNodeParameter('options', 0, {}) as IDataObject);
	const toRun: INodeExecutionData[] = [];
	for (const item of events) {
		const token = runTokenOf(item);
		if (!token) {
			toRun.push(item);
			continue;
		}
		store ??= await openSelectedStore(this);
		const claim = await claimRun(
			store,
			token,
			{ executionId: this.getExecutionId(), nowMs: Date.now(), leaseMs },
			{
				runsLoop,
				queueMode: process.env.EXECUTIONS_MODE === 'queue',
			},
		);
		if (claim === 'run') {
			toRun.push(withoutRunToken(item));
		} else if (claim === 'returned') {
			this.logger.info(
				`TikTok Shop Trigger: event ${token.id} came in a run that n8n started after a restart, for a process that is gone; it went back to the queue and runs from there, so this run skips it.`,
			);
		} else {
			this.logger.info(
				`TikTok Shop Trigger: event ${token.id} started after its processing timeout and was already handed to another run (or settled); this run skips it.`,
			);
		}
	}
	return [toRun, failed];
}
