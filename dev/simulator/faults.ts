/**
 * Failures a test can switch on for matching paths: the gateway answers before any validation, as a real outage
 * would. `lostResponse` is the other way round: TikTok handles the request (a write is applied) and the answer is
 * lost, the client seeing a gateway timeout (504, 36009007). `times` limits how many requests fail, `forMs` how
 * long the fault lasts; with neither it lasts until cleared.
 */
export interface Fault {
	pathPattern: RegExp | string;
	kind: '5xx' | 'timeout' | '429' | '503' | 'lostResponse';
	times?: number;
	forMs?: number;
}

interface ActiveFault {
	fault: Fault;
	remaining: number;
	until: number;
}

export class FaultInjector {
	private active: ActiveFault[] = [];

	inject(fault: Fault): void {
		this.active.push({
			fault,
			remaining: fault.times ?? Infinity,
			until: fault.forMs === undefined ? Infinity : Date.now() + fault.forMs,
		});
	}

	clear(): void {
		this.active = [];
	}

	/** The fault to apply to this request, consuming one of its `times`. */
	take(path: string): Fault | undefined {
		const now = Date.now();
		this.active = this.active.filter((entry) => entry.remaining > 0 && entry.until > now);
		const match = this.active.find((entry) =>
			typeof entry.fault.pathPattern === 'string'
				? path.includes(entry.fault.pathPattern)
				: entry.fault.pathPattern.test(path),
		);
		if (!match) return undefined;
		match.remaining -= 1;
		return match.fault;
	}
}
