const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '-', mdash: '-', reg: '®', trade: '™', copy: '©' };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
		if (code[0] === '#') {
			const value = code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
			return Number.isFinite(value) ? String.fromCodePoint(value) : whole;
		}
		return ENTITIES[code.toLowerCase()] ?? whole;
	});
}

/**
 * Turns an email's HTML into lines of cells: table cells become tabs and rows become lines, so a
 * confirmation laid out as a table reads like a CSV. A link keeps its address after its text, because
 * HTML-only confirmations often print "Track package" and hide the number in the carrier's URL.
 */
export function htmlToText(html: string): string {
	return decodeEntities(
		html
			.replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, '')
			.replace(/<!--[\s\S]*?-->/g, '')
			.replace(/<a\b[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a>/gi, (_all, href: string, text: string) => `${text} ( ${href} )`)
			.replace(/\s+/g, ' ')
			.replace(/<\/t[dh]>\s*/gi, '\t')
			.replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h[1-6]|table|tbody|thead)>/gi, '\n')
			.replace(/<(?:p|div|table|h[1-6])\b[^>]*>/gi, '\n')
			.replace(/<[^>]+>/g, ''),
	)
		.split('\n')
		.map((line) => line.replace(/[ \u00a0]+/g, ' ').replace(/ ?\t ?/g, '\t').replace(/\t+$/, '').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n');
}
