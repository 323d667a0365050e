import type { TikTokShopClient } from '../../../../shared/tiktok';
import {
	factsOfCancellation,
	factsOfReturn,
	type TikTokCancellation,
	type TikTokReturn,
} from '../cases/caseFacts';
import type { CaseFacts, CaseType } from '../interfaces';
import { returnPaths } from '../../../../shared/tiktok/resources/paths';

/** The case as TikTok sees it now: a re-run finds it answered and skips it before uploading anything. */
export async function currentCase(
	client: TikTokShopClient,
	caseType: CaseType,
	caseId: string,
): Promise<CaseFacts | undefined> {
	if (caseType === 'cancellation') {
		const { data } = await client.request<{ cancellations?: TikTokCancellation[] }>({
			method: 'POST',
			path: returnPaths.searchCancellations,
			query: { page_size: 1 },
			body: { cancel_ids: [caseId] },
		});
		const found = data.cancellations?.find(
			(cancellation) => String(cancellation.cancel_id) === caseId,
		);
		return found && factsOfCancellation(found);
	}
	const { data } = await client.request<{ return_orders?: TikTokReturn[] }>({
		method: 'POST',
		path: returnPaths.searchReturns,
		// 10 is the smallest page TikTok accepts for returns.
		query: { page_size: 10 },
		body: { return_ids: [caseId] },
	});
	const found = data.return_orders?.find((ret) => String(ret.return_id) === caseId);
	return found && factsOfReturn(found);
}
