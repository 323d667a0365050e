import { processCache } from '../../../shared/processCaches';
import type { PackageShipment } from './tiktokShipping';

export type SendBatch = (shipments: PackageShipment[]) => Promise<Map<string, ShipAnswer>>;

/** What became of one package: shipped, refused by TikTok, or the call failed (error thrown by the client). */
export type ShipAnswer =
	| { shipped: true; requestId?: string }
	| { shipped: false; code: number; message: string; requestId?: string }
	| { failed: unknown };

interface Waiting {
	shipment: PackageShipment;
	resolve(answer: ShipAnswer): void;
}

/**
 * Fills Batch Ship Packages calls. A full batch leaves at once; the rest leaves when the window closes, or, with
 * no window, when the execution says it has no more packages. Several executions that run at the same time in
 * this n8n process share one collector per shop and window, so their packages ride in the same calls.
 */
export class ShipCollector {
	private waiting: Waiting[] = [];
	private timer?: NodeJS.Timeout;

	constructor(
		private readonly send: SendBatch,
		private readonly batchSize: number,
		private readonly windowMs: number,
	) {}

	add(shipment: PackageShipment): Promise<ShipAnswer> {
		return new Promise((resolve) => {
			this.waiting.push({ shipment, resolve });
			while (this.waiting.length >= this.batchSize)
				this.flush(this.waiting.splice(0, this.batchSize));
			if (this.waiting.length === 0) this.stopTimer();
			else if (this.windowMs > 0 && !this.timer)
				this.timer = setTimeout(() => this.flushAll(), this.windowMs);
		});
	}

	/** The execution has queued everything. Without a window, what is left leaves now. */
	close(): void {
		if (this.windowMs === 0) this.flushAll();
	}

	private stopTimer(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
	}

	private flushAll(): void {
		this.stopTimer();
		while (this.waiting.length) this.flush(this.waiting.splice(0, this.batchSize));
	}

	private flush(batch: Waiting[]): void {
		void this.send(batch.map((entry) => entry.shipment)).then(
			(answers) => {
				for (const entry of batch)
					entry.resolve(
						answers.get(entry.shipment.packageId) ?? {
							failed: new Error('TikTok did not answer for this package'),
						},
					);
			},
			(error: unknown) => {
				for (const entry of batch) entry.resolve({ failed: error });
			},
		);
	}
}

const sharedCollectors = processCache<string, { collector: ShipCollector; users: number }>(
	'shipCollectors',
);

/**
 * The collector for a shop and window, shared by the executions that overlap in time. It is dropped when the last
 * of them is done, so a later execution starts a fresh window (and uses its own credential's client).
 */
export async function withSharedCollector<T>(
	key: string,
	create: () => ShipCollector,
	use: (collector: ShipCollector) => Promise<T>,
): Promise<T> {
	let entry = sharedCollectors.get(key);
	if (!entry) {
		entry = { collector: create(), users: 0 };
		sharedCollectors.set(key, entry);
	}
	entry.users += 1;
	try {
		return await use(entry.collector);
	} finally {
		entry.users -= 1;
		if (entry.users === 0 && sharedCollectors.get(key) === entry) sharedCollectors.delete(key);
	}
}
