import {
	carrierDisplayName,
	normalizeCarrierName,
	type TrackingCheck,
} from '../../../shared/tracking';
import { attention } from './attentionReasons';
import type { AttentionOutcome, ShippingProvider } from './interfaces';

/** One row of the user's table: the 3PL's words → a TikTok provider id or name. */
export interface CarrierRule {
	carrierText: string;
	provider: string;
}

export interface CarrierMappingSettings {
	rules: CarrierRule[];
	/** Provider id or name used when the 3PL's carrier matches nothing; empty = no fallback. */
	fallback: string;
}

function sameText(a: string, b: string): boolean {
	return (
		a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase()
	);
}

function byIdOrName(providers: ShippingProvider[], wanted: string): ShippingProvider | undefined {
	return (
		providers.find((provider) => provider.id === wanted.trim()) ??
		providers.find((provider) => sameText(provider.name, wanted))
	);
}

function offered(providers: ShippingProvider[]): string {
	return providers.map((provider) => provider.name).join(', ') || 'none';
}

export function hasRuleFor(settings: CarrierMappingSettings, carrierText: string): boolean {
	return settings.rules.some((rule) => sameText(rule.carrierText, carrierText));
}

/**
 * The TikTok shipping provider for the 3PL's carrier, among the providers the order's delivery option offers:
 * the user's table first, then the provider TikTok names the same way, then the fallback. Anything else goes to
 * Needs Attention; two providers of the same carrier (e.g. two DHL services) are never picked between.
 */
export function mapCarrier(
	carrierText: string,
	providers: ShippingProvider[],
	settings: CarrierMappingSettings,
): ShippingProvider | AttentionOutcome {
	const rule = settings.rules.find((candidate) => sameText(candidate.carrierText, carrierText));
	if (rule) {
		return (
			byIdOrName(providers, rule.provider) ??
			attention(
				'carrier_not_offered',
				`Your carrier mapping sends "${carrierText}" to "${rule.provider}", which this order's delivery option does not offer (it offers ${offered(providers)}). Fix that mapping row.`,
			)
		);
	}
	if (carrierText) {
		const exact = providers.find((provider) => sameText(provider.name, carrierText));
		if (exact) return exact;
		const code = normalizeCarrierName(carrierText);
		if (code) {
			// A bare "DHL" may be DHL Express or DHL eCommerce: it matches both, and two matches go to Needs Attention.
			const generic = code === 'dhl' && !/express/i.test(carrierText);
			const matches = providers.filter((provider) => {
				const offeredCode = normalizeCarrierName(provider.name);
				return offeredCode === code || (generic && offeredCode === 'dhl_ecommerce');
			});
			if (matches.length === 1) return matches[0];
			if (matches.length > 1) {
				return attention(
					'carrier_ambiguous',
					`"${carrierText}" could be any of ${matches.map((provider) => provider.name).join(', ')} on TikTok. Add a row to the carrier mapping that says which.`,
				);
			}
		}
	}
	if (settings.fallback.trim()) {
		return (
			byIdOrName(providers, settings.fallback) ??
			attention(
				'carrier_not_offered',
				`The default shipping provider "${settings.fallback}" is not offered for this order's delivery option (it offers ${offered(providers)}).`,
			)
		);
	}
	if (!carrierText) {
		return attention(
			'carrier_missing',
			`The item names no carrier. Fill the carrier column, or set a default shipping provider. TikTok offers ${offered(providers)}.`,
		);
	}
	const code = normalizeCarrierName(carrierText);
	if (code) {
		return attention(
			'carrier_not_offered',
			`${carrierDisplayName(code)} is not among the shipping providers TikTok offers for this order (${offered(providers)}). Add a mapping row if TikTok lists it under another name.`,
		);
	}
	return attention(
		'carrier_unknown',
		`"${carrierText}" is not a carrier we recognise, and we never guess one. Add it to the carrier mapping (TikTok offers ${offered(providers)}).`,
	);
}

/**
 * The provider chosen must be able to issue the number: a table row or the fallback may point a UPS number at
 * USPS. Providers whose name we cannot place (a regional carrier we do not know) are left to TikTok.
 */
export function providerMismatch(
	provider: ShippingProvider,
	check: TrackingCheck | undefined,
): AttentionOutcome | undefined {
	if (!check?.valid || check.candidates.length === 0) return undefined;
	const code = normalizeCarrierName(provider.name);
	if (!code || check.candidates.includes(code)) return undefined;
	const numberCarriers = check.candidates.map(carrierDisplayName).join(' or ');
	return attention(
		'carrier_mismatch',
		`The shipping provider chosen is ${provider.name}, but ${check.normalized} is a ${numberCarriers} number. Correct the carrier (or the mapping) before uploading.`,
	);
}
