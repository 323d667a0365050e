import type { TikTokShopClient } from '../../../../shared/tiktok';
import {
	factsOfCancellation,
	factsOfReturn,
	type TikTokCancellation,
	type TikTokReturn,
} from '../cases/caseFacts';
import type { CaseFacts, CaseType } from '../interfaces';
import { returns } from '../../../../shared/tiktok/resources';

/** The case as TikTok sees it now: a re-run finds it answered and skips it before uploading anything. */
export async function currentCase(
	client: TikTokShopClient,
	caseType: CaseType,
	caseId: string,
): Promise<CaseFacts | undefined> {
	if (caseType === 'cancellation') {
		const found = await returns.findCancellation<TikTokCancellation>(client, caseId);
		return found && factsOfCancellation(found);
	}
	const found = await returns.findReturn<TikTokReturn>(client, caseId);
	return found && factsOfReturn(found);
}
