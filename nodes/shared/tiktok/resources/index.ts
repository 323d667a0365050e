/**
 * The typed resource layer: one module per TikTok Shop API area, each owning its calls, page sizes, per-call limits
 * and the per-item errors of its batch calls. Nodes call these (`fulfillment.shipPackages(client, shipments)`,
 * `orders.getOrderDetails(client, ids)`) and never write a path; every path and version is in `paths.ts`, which
 * nothing outside `nodes/shared/tiktok/` imports (eslint/layering.mjs).
 */
export * as authorization from './authorization';
export * as events from './events';
export * as finance from './finance';
export * as fulfillment from './fulfillment';
export * as logistics from './logistics';
export * as orders from './orders';
export * as products from './products';
export * as returns from './returns';
export * as shopPerformance from './shopPerformance';
export * as tracking from './tracking';
export { refusalOf, type BatchResult, type ItemError } from './batch';
