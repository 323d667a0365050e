import { checkTrackingNumber } from '../../../nodes/shared/tracking';

/**
 * Unique, valid tracking numbers for fixtures: a counter fills the carrier's shape and the check digit is found by
 * asking the shared validator, so the fixtures follow the same rules as the node without a second implementation.
 */
const SHAPES: Record<string, (serial: string) => string[]> = {
	// UPS 1Z: shipper account, service 03 (Ground), 7-digit package serial, check digit.
	UPS: (serial) => [...'0123456789'].map((digit) => `1Z4E5W44${'03'}${serial.slice(-7)}${digit}`),
	// USPS IMpb: 9400 1 + 9-digit mailer id + serial + mod-10 check digit, 22 digits in all.
	USPS: (serial) => [...'0123456789'].map((digit) => `940011189922${serial.slice(-9)}${digit}`),
	'Amazon Shipping': (serial) => [`TBA3${serial.slice(-11)}`],
	UniUni: (serial) => [`UUS${serial.slice(-16).padStart(16, '5')}`],
	GOFO: (serial) => [`GFUS0101${serial.slice(-10)}`],
};

let counter = 0;

/**
 * The next number of a counter shared by all carriers. `serialNumber` picks one outside the counter's range instead,
 * for a process whose numbers must not meet those of another (the shorter shapes keep only the counter's digits).
 */
export function validTrackingNumber(carrier: keyof typeof SHAPES, serialNumber?: number): string {
	if (serialNumber === undefined) counter += 1;
	const serial = `${Date.now() % 1_000_000}${String(serialNumber ?? counter).padStart(10, '0')}`.padStart(16, '0');
	const found = SHAPES[carrier](serial).find((candidate) => checkTrackingNumber(candidate, carrier).valid);
	if (!found) throw new Error(`No valid ${carrier} number for serial ${serial}`);
	return found;
}
