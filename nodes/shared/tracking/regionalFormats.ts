import { shapeOnlyFormat, type TrackingFormat } from './trackingFormat';

/**
 * US regional carriers that ts-tracking-number 1.0.17 does not know. None of them publishes a check
 * digit, so only prefix, length and character set are checked; each comment says where the rule comes from.
 */
export const REGIONAL_FORMATS: readonly TrackingFormat[] = [
	// GOFO Express (Cirro eCommerce until 2024): "GFUS" + 14 digits. Taken from gofo.json in
	// jkeen/tracking_number_data 2.x (the data ts-tracking-number is built on), whose samples are
	// GFUS01011884214464 and GFUS01011884214272. That file has no checksum and we know of none.
	// Older Cirro labels may use other shapes; we have no public sample of them.
	shapeOnlyFormat({
		name: 'GOFO GFUS number',
		carriers: ['gofo'],
		strength: 'strong',
		shape: /^GFUS\d{14}$/,
	}),

	// UniUni, inferred: no public spec. Public samples and trackers show "UUS" followed by digits
	// (UUS0570455416253 has 13, UUS0000000000000001 has 16) and sometimes letters ("UUSC..."), so we
	// accept UUS + 10 to 20 letters or digits.
	shapeOnlyFormat({
		name: 'UniUni UUS number',
		carriers: ['uniuni'],
		strength: 'strong',
		shape: /^UUS[0-9A-Z]{10,20}$/,
	}),
	// UniUni Ship API documents its tracking ID as ^(UR\d{17}|URB\d{16})$, 19 characters
	// (help.ship.uniuni.com, Track endpoint; sample UR06250000000000351).
	shapeOnlyFormat({
		name: 'UniUni UR number',
		carriers: ['uniuni'],
		strength: 'strong',
		shape: /^(?:UR\d{17}|URB\d{16})$/,
	}),

	// LaserShip, now part of OnTrac (2024), whose tracking accepts these numbers. The four shapes are
	// lasership.json in jkeen/tracking_number_data 2.x, itself built from public samples, not a spec.
	// "L" + one of AIEHNX + 1-3 + 7 digits, e.g. LX17635036, LI12976442: ten characters and no check
	// digit, so a reference number can look like one.
	shapeOnlyFormat({
		name: 'LaserShip L number',
		carriers: ['lasership', 'ontrac'],
		strength: 'weak',
		shape: /^L[AIEHNX][1-3]\d{7}$/,
	}),
	// "1LS7" + 1 or 2 + 10 digits, e.g. 1LS717793482164.
	shapeOnlyFormat({
		name: 'LaserShip 1LS7 number',
		carriers: ['lasership', 'ontrac'],
		strength: 'strong',
		shape: /^1LS7[12]\d{10}$/,
	}),
	// "1LS7" + 1 or 2, two digits, "01", 1-4, six digits, then "-1": 1LS7119013618127-1. We remove
	// dashes while normalising, so the trailing "1" is simply the last character.
	shapeOnlyFormat({
		name: 'LaserShip 1LS7 piece number',
		carriers: ['lasership', 'ontrac'],
		strength: 'strong',
		shape: /^1LS7[12]\d{2}01[1-4]\d{6}1$/,
	}),
	// "1LSCX" + 10 letters or digits, e.g. 1LSCXVE005BUEFX.
	shapeOnlyFormat({
		name: 'LaserShip 1LSCX number',
		carriers: ['lasership', 'ontrac'],
		strength: 'strong',
		shape: /^1LSCX[0-9A-Z]{10}$/,
	}),
];

/**
 * Veho publishes no number format, and users of its API are told not to read meaning into the numbers
 * (public samples look like random hex, e.g. 91f5baadefb732585). So a Veho number can only be
 * accepted when the 3PL already says Veho, and then only its characters and a plausible length
 * (8-40, our guess) are checked. It never identifies Veho by itself and is tried after every other format,
 * so that a UPS number labelled "Veho" is still reported as a mismatch.
 */
export const VEHO_FORMAT: TrackingFormat = shapeOnlyFormat({
	name: 'Veho number',
	carriers: ['veho'],
	strength: 'weak',
	shape: /^[0-9A-Z]{8,40}$/,
});
