import type { SimulatorAddress } from '../../dev/harness/simulatorCredentials';

/** What the simulator worker and its parent say to each other over IPC. */

export interface WorkerReady<Extra> extends SimulatorAddress {
	/** What the scenario prepared (ids to ship, a catalogue, ...). */
	scenario: Extra;
}

export interface WorkerRequest {
	id: number;
	/** `stats`, `requests`, `reset`, `close`, or a command of the scenario. */
	command: string;
	payload?: unknown;
}

export interface WorkerReply {
	id: number;
	result?: unknown;
	error?: string;
}

export interface WorkerStats {
	rateLimited: number;
	requests: number;
	/** Requests per API path (ids replaced by {id}) that TikTok accepted (status 200, code 0). */
	accepted: Record<string, number>;
	/** CPU the simulator process spent since it was ready or last reset, in ms: it serves one request at a time. */
	cpuMs: number;
}

/** One recorded request, without its body. */
export interface RequestSummary {
	time: number;
	path: string;
	status: number;
	code: number;
}
