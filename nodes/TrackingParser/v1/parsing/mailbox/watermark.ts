import type { DurableStore } from '../../../../shared/store';

const NAMESPACE = 'tracking-parser:imap';

/**
 * The highest UID already turned into output, per mailbox. The key includes UIDVALIDITY: when a
 * server recreates a mailbox its UIDs restart, and a new key starts from zero on its own.
 */
export class UidWatermark {
	private readonly key: string;

	constructor(
		private readonly store: DurableStore,
		identity: string,
		uidValidity: bigint,
	) {
		this.key = `${identity}#${uidValidity}`;
	}

	/** Whether this mailbox (at this UIDVALIDITY) has been read before. */
	async started(): Promise<boolean> {
		return (await this.store.getValue<boolean>(NAMESPACE, `started:${this.key}`)) === true;
	}

	async markStarted(): Promise<void> {
		await this.store.setValue(NAMESPACE, `started:${this.key}`, true);
	}

	/** The highest processed UID (0 when none). */
	async current(): Promise<number> {
		return await this.store.advanceWatermark(NAMESPACE, this.key, 0);
	}

	async advance(uid: number): Promise<number> {
		return await this.store.advanceWatermark(NAMESPACE, this.key, uid);
	}
}
