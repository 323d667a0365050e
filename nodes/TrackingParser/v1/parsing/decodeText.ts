/**
 * A text file's characters from its bytes: the BOM says UTF-8, UTF-16 LE or UTF-16 BE (Excel's "Unicode
 * text" and some 3PL exports are UTF-16); without one, UTF-16 shows as a zero in every other byte, and
 * bytes that are not UTF-8 are Windows-1252 (what Excel on Windows writes).
 */
export function decodeText(data: Buffer): string {
	if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
		return data.subarray(3).toString('utf8');
	if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString('utf16le');
	if (data[0] === 0xfe && data[1] === 0xff) return swapBytes(data.subarray(2)).toString('utf16le');
	const head = data.subarray(0, 512);
	let zeroOdd = 0;
	let zeroEven = 0;
	for (let i = 0; i < head.length; i++) {
		if (head[i] !== 0) continue;
		if (i % 2) zeroOdd++;
		else zeroEven++;
	}
	if (head.length >= 4 && zeroOdd > head.length / 4 && zeroEven === 0)
		return data.toString('utf16le');
	if (head.length >= 4 && zeroEven > head.length / 4 && zeroOdd === 0)
		return swapBytes(data).toString('utf16le');
	const text = data.toString('utf8');
	return text.includes('\ufffd') ? new TextDecoder('windows-1252').decode(data) : text;
}

function swapBytes(data: Buffer): Buffer {
	const swapped = Buffer.from(data.subarray(0, data.length - (data.length % 2)));
	return swapped.swap16();
}
