import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { openSelectedStore } from '../../../shared/storeSelection';
import { compact, toUnixSeconds } from '../../../shared/nodeParameters';
import { caseItem } from './cases/caseItem';
import {
	factsOfCancellation,
	factsOfReturn,
	type TikTokCancellation,
	type TikTokReturn,
} from './cases/caseFacts';
import type { CaseFacts, ClientGetter, Outcome, WorkUnit } from './interfaces';
import { returns } from '../../../shared/tiktok/resources';

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
