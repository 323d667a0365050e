import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IPairedItemData,
} from 'n8n-workflow';

import { errorItemJson, toItemError, type ItemError } from './errorItem';

/** One output item a node produced, before the runner pairs it with its input. */
export interface ItemOutput {
	json: IDataObject;
	binary?: IBinaryKeyData;
	/** Which of the node's outputs it goes to; 0 when the node has one. */
	output?: number;
}

/** An output item of a node that worked on all items together, naming the input item it belongs to. */
export interface ItemResult extends ItemOutput {
	itemIndex: number;
}

/** A failure that belongs to one input item of a node that worked on all items together. */
export interface ItemFailure {
	itemIndex: number;
	error: unknown;
}

export interface ItemRunnerOptions {
	/** How many outputs the node has (default 1). */
	outputs?: number;
	/** The output a failed item goes to (default 0): the one the node names for errors. */
	errorOutput?: number;
	/** Failed items go to the error output whatever Continue On Fail says (Evidence Submit's Submit has an Error output). */
	alwaysRouteErrors?: boolean;
	/** A node's own errors that need a node-specific conversion (a description, a next step); otherwise the shared one. */
	convertError?(error: unknown, itemIndex: number | undefined): ItemError | undefined;
	/** Fields the node adds under `details` of its error items (the field and value of a bad input, say). */
	errorDetails?(error: unknown): IDataObject;
	/**
	 * Fields the node keeps beside `error` and `details` on its error items, for nodes whose error items share an
	 * output with other items of a fixed shape (the case an Evidence Submit error is about, the parser's Unparsed row).
	 */
	errorFields?(items: number[], nodeError: ItemError): IDataObject;
}

/**
 * The one owner of the item loop, for every node of the pack, after n8n's Postgres v2 router and Apify's
 * `executeAndLinkItems`: every output item is paired with the input item(s) it came from; a failure becomes an
 * n8n error naming its item (`itemIndex`), which stops the node unless Continue On Fail is on, and then becomes an
 * error item (`errorItemJson`) on the output the node names for errors.
 *
 * Three ways to work: `eachItem` (one item at a time), `eachUnit` (groups of items, e.g. one case and its files)
 * and `allItems` (the whole input at once, like the Ship Batcher's batches, still attributing results and failures
 * to single items).
 */
export class ItemRunner {
	readonly items: INodeExecutionData[];
	private readonly outputs: INodeExecutionData[][];
	private readonly errorOutput: number;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly options: ItemRunnerOptions = {},
	) {
		this.items = context.getInputData();
		this.outputs = Array.from({ length: options.outputs ?? 1 }, () => []);
		this.errorOutput = options.errorOutput ?? 0;
	}

	/** Runs `work` for each input item in order; what it returns goes out paired with that item. */
	async eachItem(
		work: (itemIndex: number) => Promise<ItemOutput | ItemOutput[]>,
	): Promise<INodeExecutionData[][]> {
		for (let itemIndex = 0; itemIndex < this.items.length; itemIndex++)
			await this.unit([itemIndex], () => work(itemIndex));
		return this.result();
	}

	/** Runs `work` for each unit (a list of input item indexes); its outputs are paired with every item of the unit. */
	async eachUnit(
		units: number[][],
		work: (unit: number[]) => Promise<ItemOutput | ItemOutput[]>,
	): Promise<INodeExecutionData[][]> {
		for (const unit of units) await this.unit(unit, () => work(unit));
		return this.result();
	}

	/**
	 * Runs `work` once for one unit of items, for nodes that decide themselves which items form the work (the
	 * parser's mailbox read stands for its first item). Returns nothing: read the outputs with `result()`.
	 */
	async unit(items: number[], work: () => Promise<ItemOutput | ItemOutput[]>): Promise<void> {
		let produced: ItemOutput | ItemOutput[];
		try {
			produced = await work();
		} catch (error) {
			this.fail(items, error);
			return;
		}
		for (const output of Array.isArray(produced) ? produced : [produced]) this.emit(items, output);
	}

	/**
	 * Runs `work` on all items together. It returns results and failures per item; each failure is handled as in
	 * `eachItem`. When `work` throws, no item got past that failure (a bad credential, a store that is down): the node
	 * stops unless Continue On Fail is on; then `stopped` says what each item becomes, or, without it, every item goes
	 * to the error output with the error.
	 */
	async allItems(
		work: () => Promise<Array<ItemResult | ItemFailure>>,
		stopped?: (error: unknown, nodeError: ItemError) => Array<ItemResult | ItemFailure>,
	): Promise<INodeExecutionData[][]> {
		let results: Array<ItemResult | ItemFailure>;
		try {
			results = await work();
		} catch (error) {
			const nodeError = this.stopUnlessContinueOnFail(error);
			results = stopped
				? stopped(error, nodeError)
				: this.items.map((_, itemIndex) => ({ itemIndex, error }));
		}
		for (const result of results) {
			if ('error' in result) this.fail([result.itemIndex], result.error);
			else this.emit([result.itemIndex], result);
		}
		return this.result();
	}

	/** A failure of the whole run (no item of its own): thrown as an n8n error unless Continue On Fail is on. */
	stopUnlessContinueOnFail(error: unknown): ItemError {
		const nodeError = this.toError(error, undefined);
		if (!this.options.alwaysRouteErrors && !this.context.continueOnFail()) throw nodeError;
		return nodeError;
	}

	/** The outputs so far, one list per output of the node. */
	result(): INodeExecutionData[][] {
		return this.outputs;
	}

	private emit(items: number[], output: ItemOutput): void {
		const item: INodeExecutionData = {
			json: output.json,
			...(output.binary ? { binary: output.binary } : {}),
			pairedItem: pairedItem(items),
		};
		this.outputOf(output.output ?? 0).push(item);
	}

	private fail(items: number[], error: unknown): void {
		const nodeError = this.toError(error, items[0]);
		if (!this.options.alwaysRouteErrors && !this.context.continueOnFail()) throw nodeError;
		const json: IDataObject = {
			...this.options.errorFields?.(items, nodeError),
			...errorItemJson(nodeError, items[0], this.options.errorDetails?.(error)),
		};
		this.outputOf(this.errorOutput).push({ json, pairedItem: pairedItem(items) });
	}

	private toError(error: unknown, itemIndex: number | undefined): ItemError {
		const converted = this.options.convertError?.(error, itemIndex);
		return converted
			? toItemError(this.context.getNode(), converted, itemIndex)
			: toItemError(this.context.getNode(), error, itemIndex);
	}

	private outputOf(index: number): INodeExecutionData[] {
		const output = this.outputs[index];
		if (!output)
			throw new Error(
				`The node has ${this.outputs.length} output(s); output ${index} does not exist`,
			);
		return output;
	}
}

function pairedItem(items: number[]): IPairedItemData | IPairedItemData[] {
	return items.length === 1 ? { item: items[0] } : items.map((item) => ({ item }));
}
