import type { CatalogEntry } from './catalog/types';
import type { Listed, ListingRules } from './rules/listedQuantity';

export type LagBuffer =
	| { kind: 'off' }
	| { kind: 'fixed'; lagMs: number; windowMs: number }
	| { kind: 'sourceAge'; windowMs: number };

export type PushSettings = {
	stockSource: 'ledger' | 'input';
	rules: ListingRules;
	lag: LagBuffer;
	warehouseMode: 'default' | 'byLocation';
	defaultWarehouseId?: string;
	/** Source location → TikTok warehouse id. */
	locationToWarehouse: Map<string, string>;
	/** Original seller SKU → its pre-order variant; shipsInDays is checked per item, where the error can be reported. */
	preOrders: Map<string, { preOrderSku: string; shipsInDays: unknown }>;
	dryRun: boolean;
	cacheTtlMs: number;
	requestsPerSecond?: number;
	maxRetries?: number;
};

export type TikTokErrorFields = { code: number; message: string; request_id?: string };

/** Why a SKU was not pushed, for the Needs Attention output: a reason code to filter on and a sentence to act on. */
export type Problem = {
	reason: string;
	message: string;
	field?: string;
	value?: unknown;
	tiktok?: TikTokErrorFields;
	warehouseErrors?: Array<{ warehouse_id: string; code: number; message: string }>;
};

export type SplitPlan =
	| { mode: 'default'; defaultWarehouseId?: string }
	| { mode: 'byLocation'; stockByWarehouse: Map<string, number> };

/** One seller SKU to set on TikTok. An input item has one, or two with a pre-order variant. */
export type Target = {
	itemIndex: number;
	role: 'original' | 'preOrder';
	sellerSku: string;
	listed: Listed;
	split: SplitPlan;
	shipsInDays?: number;
	entry?: CatalogEntry;
	/** Per warehouse as TikTok has it now, in TikTok's order. */
	before?: Map<string, number>;
	/** Per warehouse as we set it. */
	after?: Map<string, number>;
	outcome?: 'updated' | 'unchanged' | 'planned';
	problem?: Problem;
	plannedCall?: { method: 'POST'; path: string; body: unknown };
};

/** What one input item asks for, once its fields are read and checked. */
export type PushItem = {
	itemIndex: number;
	sellerSku: string;
	channelSku?: string;
	onHand: number;
	killSwitch: boolean;
	heldBack: number;
	heldBackDetail?: string;
	incoming: number;
	preOrder?: { sellerSku: string; shipsInDays: number };
	stockByWarehouse?: Map<string, number>;
	unmappedLocations?: string[];
};
