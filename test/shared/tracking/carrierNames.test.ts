import {
	CARRIER_CODES,
	carrierDisplayName,
	normalizeCarrierName,
} from '../../../nodes/shared/tracking';

describe('normalizeCarrierName', () => {
	it.each([
		['USPS Ground Advantage', 'usps'],
		['USPS Priority Mail', 'usps'],
		['U.S.P.S.', 'usps'],
		['United States Postal Service', 'usps'],
		['First Class Package', 'usps'],
		['UPS® Ground', 'ups'],
		['UPS 2nd Day Air', 'ups'],
		['UPS SurePost', 'ups'],
		['United Parcel Service', 'ups'],
		['FedEx Home Delivery', 'fedex'],
		['Fed Ex', 'fedex'],
		['FEDEX_GROUND', 'fedex'],
		['FedEx SmartPost', 'fedex'],
		['Federal Express', 'fedex'],
		['DHL eCommerce', 'dhl_ecommerce'],
		['DHL eCommerce Solutions', 'dhl_ecommerce'],
		['DHL Express Worldwide', 'dhl'],
		['Amazon Shipping', 'amazon'],
		['Amazon Logistics', 'amazon'],
		['AMZL_US', 'amazon'],
		['LaserShip', 'lasership'],
		['Laser Ship', 'lasership'],
		['OnTrac', 'ontrac'],
		['ONTRAC Ground', 'ontrac'],
		['Uni Uni', 'uniuni'],
		['UniUni Express', 'uniuni'],
		['GOFO Express', 'gofo'],
		['Cirro eCommerce', 'gofo'],
		['Veho', 'veho'],
		['veho', 'veho'],
		['intl_post', 'intl_post'],
		['  ups  ', 'ups'],
	])('%j is %s', (text, code) => {
		expect(normalizeCarrierName(text)).toBe(code);
	});

	it.each(['', '   ', 'Speedee', 'Royal Mail', 'Pickup in store', 'Unisys'])(
		'%j is not a carrier we know',
		(text) => {
			expect(normalizeCarrierName(text)).toBeUndefined();
		},
	);
});

describe('carrierDisplayName', () => {
	it('names every carrier', () => {
		for (const code of CARRIER_CODES) expect(carrierDisplayName(code)).not.toBe('');
	});

	it.each([
		['fedex', 'FedEx'],
		['amazon', 'Amazon Shipping'],
		['gofo', 'GOFO'],
	] as const)('%s is shown as %s', (code, name) => {
		expect(carrierDisplayName(code)).toBe(name);
	});
});
