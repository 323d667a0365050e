import type { SellerAction } from '../interfaces';

export interface DeadlineFacts {
	/** The earliest seller deadline, ISO 8601 UTC; null when TikTok waits for nothing from the seller. */
	deadline: string | null;
	deadline_unix: number | null;
	deadline_action: string | null;
	/** Hours left, one decimal, negative when past. */
	time_left_hours: number | null;
	/** "1 d 4 h", "35 min", "overdue by 3 h". */
	time_left: string | null;
	deadline_passed: boolean;
}

export function earliestAction(actions: SellerAction[]): SellerAction | undefined {
	return actions
		.filter((action) => Number.isFinite(action.deadline) && action.deadline > 0)
		.sort((a, b) => a.deadline - b.deadline)[0];
}

export function deadlineFacts(actions: SellerAction[], nowSeconds: number): DeadlineFacts {
	const first = earliestAction(actions);
	if (!first)
		return {
			deadline: null,
			deadline_unix: null,
			deadline_action: null,
			time_left_hours: null,
			time_left: null,
			deadline_passed: false,
		};
	const leftSeconds = first.deadline - nowSeconds;
	return {
		deadline: new Date(first.deadline * 1000).toISOString(),
		deadline_unix: first.deadline,
		deadline_action: first.action,
		time_left_hours: Math.round(leftSeconds / 360) / 10,
		time_left:
			leftSeconds < 0
				? `overdue by ${describeDuration(-leftSeconds)}`
				: describeDuration(leftSeconds),
		deadline_passed: leftSeconds < 0,
	};
}

export function describeDuration(seconds: number): string {
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours} h ${minutes % 60} min`;
	return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "Nov 23, 2026 14:02 UTC": unambiguous for a US reader and for TikTok's agents. */
export function formatUtc(unixSeconds: number): string {
	const date = new Date(unixSeconds * 1000);
	const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${month} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}
