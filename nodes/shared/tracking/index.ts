export { type CarrierCode, CARRIER_CODES, carrierDisplayName } from './carriers';
export { checkTrackingNumber } from './checkTrackingNumber';
export { findTrackingCandidates, type TrackingCandidate } from './findTrackingCandidates';
export { normalizeCarrierName } from './normalizeCarrierName';
export { normalizeTrackingNumber } from './normalizeTrackingNumber';
export type { TrackingCheck, TrackingProblem } from './trackingCheck';
