import { randomBytes } from 'node:crypto';
import { tiktokWebhookSignature } from './signature';

export interface WebhookEvent {
	type: number;
	data: object;
	shop_id?: string;
	tts_notification_id?: string;
	timestamp?: number;
}

export interface WebhookSendOptions {
	/** Send the same notification this many extra times, one after another. */
	duplicates?: number;
	/** Send this many extra copies at the same moment as the first. */
	concurrentDuplicates?: number;
	/** Sign with the wrong secret, as a forger would. */
	forgeSignature?: boolean;
	/** Push time this many seconds in the past (replay of an old notification). */
	staleTimestampSeconds?: number;
	/** Follow TikTok's retry schedule after a failed attempt (default true). */
	retry?: boolean;
	/**
	 * How long to wait for the answer (TikTok's 3 s by default). A test of what happens after acceptance, not of how
	 * fast it is, may wait longer on a loaded machine.
	 */
	ackTimeoutMs?: number;
}

export interface DeliveryAttempt {
	/** 0 for the original, 1.. for duplicates. */
	copy: number;
	/** 0 for the first try, 1..4 for retries. */
	attempt: number;
	/** Unix milliseconds when the attempt started. */
	time: number;
	status: number | 'timeout' | 'network-error';
	latencyMs: number;
	/** TikTok counts 200 or 401 within 3 s as done. */
	acknowledged: boolean;
}

export interface DeliveryReport {
	targetUrl: string;
	notificationId: string;
	/** The exact bytes sent, serialised once and signed as such. */
	body: string;
	signature: string;
	attempts: DeliveryAttempt[];
	/** Every copy was acknowledged eventually. */
	acknowledged: boolean;
	/** Some copy exhausted TikTok's retries. */
	gaveUp: boolean;
}

/** TikTok retries a failed push 4 more times, each delay counted from the previous failure (reference §3). */
export const RETRY_DELAYS_MS = [2 * 60_000, 30 * 60_000, 3 * 3_600_000, 12 * 3_600_000];
const ACK_TIMEOUT_MS = 3_000;

export interface WebhookSenderConfig {
	appKey: string;
	appSecret: string;
	shopId: string;
	timeScale: number;
}

export class WebhookSender {
	readonly deliveries: DeliveryReport[] = [];
	private readonly closing = new AbortController();

	constructor(private readonly config: WebhookSenderConfig) {}

	async send(
		targetUrl: string,
		event: WebhookEvent,
		options: WebhookSendOptions = {},
	): Promise<DeliveryReport> {
		const envelope = {
			type: event.type,
			tts_notification_id:
				event.tts_notification_id ??
				`7${Array.from(randomBytes(18), (byte) => byte % 10).join('')}`,
			shop_id: event.shop_id ?? this.config.shopId,
			timestamp:
				event.timestamp ?? Math.floor(Date.now() / 1000) - (options.staleTimestampSeconds ?? 0),
			data: event.data,
		};
		const body = JSON.stringify(envelope);
		const secret = options.forgeSignature
			? `${this.config.appSecret}-forged`
			: this.config.appSecret;
		const report: DeliveryReport = {
			targetUrl,
			notificationId: envelope.tts_notification_id,
			body,
			signature: tiktokWebhookSignature(this.config.appKey, secret, body),
			attempts: [],
			acknowledged: false,
			gaveUp: false,
		};
		this.deliveries.push(report);
		const retry = options.retry ?? true;
		const timeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
		const concurrent = Array.from({ length: 1 + (options.concurrentDuplicates ?? 0) }, (_, copy) =>
			this.deliver(report, copy, retry, timeoutMs),
		);
		const outcomes = await Promise.all(concurrent);
		for (let extra = 1; extra <= (options.duplicates ?? 0); extra++)
			outcomes.push(await this.deliver(report, concurrent.length - 1 + extra, retry, timeoutMs));
		report.acknowledged = outcomes.every(Boolean);
		report.gaveUp = !report.acknowledged && retry && !this.closing.signal.aborted;
		return report;
	}

	/** Stops pending retries; their reports stay unacknowledged. */
	close(): void {
		this.closing.abort();
	}

	private async deliver(
		report: DeliveryReport,
		copy: number,
		retry: boolean,
		timeoutMs: number,
	): Promise<boolean> {
		for (let attempt = 0; ; attempt++) {
			const result = await this.attempt(report, copy, attempt, timeoutMs);
			report.attempts.push(result);
			if (result.acknowledged) return true;
			if (
				!retry ||
				attempt >= RETRY_DELAYS_MS.length ||
				!(await this.sleep(RETRY_DELAYS_MS[attempt] / this.config.timeScale))
			)
				return false;
		}
	}

	private async attempt(
		report: DeliveryReport,
		copy: number,
		attempt: number,
		timeoutMs: number,
	): Promise<DeliveryAttempt> {
		const time = Date.now();
		const started = performance.now();
		let status: DeliveryAttempt['status'];
		try {
			const response = await fetch(report.targetUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: report.signature },
				body: report.body,
				signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), this.closing.signal]),
			});
			await response.arrayBuffer();
			status = response.status;
		} catch (error) {
			status = (error as Error).name === 'TimeoutError' ? 'timeout' : 'network-error';
		}
		const latencyMs = Math.round(performance.now() - started);
		return {
			copy,
			attempt,
			time,
			status,
			latencyMs,
			acknowledged: (status === 200 || status === 401) && latencyMs <= timeoutMs,
		};
	}

	/** Resolves false when the simulator closes during the wait. */
	private sleep(ms: number): Promise<boolean> {
		if (this.closing.signal.aborted) return Promise.resolve(false);
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.closing.signal.removeEventListener('abort', onAbort);
				resolve(true);
			}, ms);
			const onAbort = () => {
				clearTimeout(timer);
				resolve(false);
			};
			this.closing.signal.addEventListener('abort', onAbort, { once: true });
		});
	}
}
