export { closeAllStores, openStore } from './openStore';
export { defaultEmbeddedPath } from './embeddedPath';
export type {
	DurableStore,
	EmbeddedStoreConfig,
	LeaseOutcome,
	MovementKind,
	RedisStoreConfig,
	StockChange,
	StockLevel,
	StockMovement,
	StoreConfig,
	StoredRecord,
} from './types';
export { DEFAULT_KEY_PREFIX } from './types';
