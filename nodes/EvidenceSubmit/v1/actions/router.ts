import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getTikTokClient, toNodeError, type TikTokShopClient } from '../../../shared/tiktok';
import type { EvidenceOperation, WorkUnit } from '../helpers/interfaces';
import * as buildPacket from './buildPacket.operation';
import * as findCases from './findCases.operation';
import * as submit from './submit.operation';

export const operations: Record<string, EvidenceOperation> = {
	findCases: { ...findCases, errorOutput: 0 },
	buildPacket: { ...buildPacket, errorOutput: 0 },
	submit: { ...submit, errorOutput: submit.FAILED, alwaysRouteErrors: true },
};

export function outputCount(operation: string): number {
	return operation === 'submit' ? 3 : 1;
}

/** The case an error item is about, so an Error output or a Slack message can name it. */
function caseIdentity(json: IDataObject): IDataObject {
	const identity: IDataObject = {};
	for (const key of ['case_id', 'case_type', 'order_id', 'deadline'] as const) if (json[key] !== undefined) identity[key] = json[key];
	return identity;
}

/**
 * The only place that loops over the work, pairs outputs with inputs and applies Continue On Fail. Work comes in
 * units (one item, or every item of one case for Build Evidence Packet); every input item leaves paired on some
 * output, never dropped.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[operationName];
	const outputs: INodeExecutionData[][] = Array.from({ length: outputCount(operationName) }, () => []);
	if (!operation) throw new Error(`The operation "${operationName}" is not known`);
	let client: Promise<TikTokShopClient> | undefined;
	const getClient = () => {
		const options = this.getNodeParameter('requestOptions', 0, {}) as { requestsPerSecond?: number; maxRetries?: number };
		client ??= getTikTokClient.call(this, { ratePerSecond: options.requestsPerSecond, maxRetries: options.maxRetries });
		return client;
	};
	const units: WorkUnit[] = operation.units ? operation.units.call(this, items) : items.map((_, itemIndex) => [itemIndex]);
	for (const unit of units) {
		const pairedItem = unit.length === 1 ? { item: unit[0] } : unit.map((item) => ({ item }));
		try {
			for (const outcome of await operation.execute.call(this, unit, getClient)) {
				outputs[outcome.output].push({ json: outcome.json, ...(outcome.binary ? { binary: outcome.binary } : {}), pairedItem });
			}
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, unit[0]);
			if (!operation.alwaysRouteErrors && !this.continueOnFail()) throw nodeError;
			const tiktok = nodeError as unknown as IDataObject;
			const json: IDataObject = {
				...caseIdentity(items[unit[0]].json),
				error: nodeError.message,
				description: nodeError.description ?? null,
				...(tiktok.tiktokCode !== undefined ? { code: tiktok.tiktokCode } : {}),
				...(tiktok.requestId !== undefined ? { request_id: tiktok.requestId } : {}),
			};
			outputs[operation.errorOutput].push({ json, pairedItem });
		}
	}
	return outputs;
}
