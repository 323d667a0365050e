import sharp from 'sharp';

export interface ChartSeries {
	label: string;
	/** Oldest first. */
	points: Array<{ date: string; value: number }>;
	threshold?: number | null;
	unit?: string | null;
}

const WIDTH = 900;
const ROW = 170;
const LEFT = 70;
const RIGHT = 30;

function escapeXml(text: string): string {
	return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** One small line chart per metric, stacked, with the threshold as a dashed red line. Pure SVG, no chart service. */
export function trendChartSvg(title: string, series: ChartSeries[]): string {
	const height = 50 + series.length * ROW;
	const parts: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="DejaVu Sans, Arial, sans-serif">`,
		`<rect width="100%" height="100%" fill="#ffffff"/>`,
		`<text x="${LEFT}" y="30" font-size="18" font-weight="bold" fill="#111">${escapeXml(title)}</text>`,
	];
	series.forEach((entry, index) => {
		const top = 50 + index * ROW;
		const plotTop = top + 28;
		const plotHeight = ROW - 55;
		const values = entry.points.map((point) => point.value);
		const all =
			entry.threshold !== undefined && entry.threshold !== null
				? [...values, entry.threshold]
				: values;
		let min = all.length ? Math.min(...all) : 0;
		let max = all.length ? Math.max(...all) : 1;
		if (max === min) {
			max += 1;
			min -= 1;
		}
		const x = (i: number) =>
			LEFT +
			(entry.points.length <= 1 ? 0 : (i / (entry.points.length - 1)) * (WIDTH - LEFT - RIGHT));
		const y = (value: number) => plotTop + plotHeight - ((value - min) / (max - min)) * plotHeight;
		const unit = entry.unit ? ` ${entry.unit}` : '';
		const last = values.length ? `${values[values.length - 1]}${unit}` : 'no data';
		parts.push(
			`<text x="${LEFT}" y="${top + 18}" font-size="14" fill="#111">${escapeXml(`${entry.label}: ${last}`)}</text>`,
		);
		parts.push(
			`<rect x="${LEFT}" y="${plotTop}" width="${WIDTH - LEFT - RIGHT}" height="${plotHeight}" fill="none" stroke="#ddd"/>`,
		);
		parts.push(
			`<text x="${LEFT - 8}" y="${plotTop + 10}" font-size="10" text-anchor="end" fill="#666">${escapeXml(String(Math.round(max * 100) / 100))}</text>`,
		);
		parts.push(
			`<text x="${LEFT - 8}" y="${plotTop + plotHeight}" font-size="10" text-anchor="end" fill="#666">${escapeXml(String(Math.round(min * 100) / 100))}</text>`,
		);
		if (entry.threshold !== undefined && entry.threshold !== null) {
			const ty = y(entry.threshold);
			parts.push(
				`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${ty}" y2="${ty}" stroke="#d33" stroke-dasharray="6 4"/>`,
			);
		}
		if (entry.points.length) {
			const path = entry.points
				.map((point, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(point.value).toFixed(1)}`)
				.join(' ');
			parts.push(`<path d="${path}" fill="none" stroke="#2563eb" stroke-width="2"/>`);
			const first = entry.points[0].date;
			const lastDate = entry.points[entry.points.length - 1].date;
			parts.push(
				`<text x="${LEFT}" y="${plotTop + plotHeight + 14}" font-size="10" fill="#666">${escapeXml(first)}</text>`,
			);
			parts.push(
				`<text x="${WIDTH - RIGHT}" y="${plotTop + plotHeight + 14}" font-size="10" text-anchor="end" fill="#666">${escapeXml(lastDate)}</text>`,
			);
		}
	});
	parts.push('</svg>');
	return parts.join('');
}

export async function renderTrendChartPng(title: string, series: ChartSeries[]): Promise<Buffer> {
	return await sharp(Buffer.from(trendChartSvg(title, series)), { density: 72 })
		.png({ compressionLevel: 9 })
		.toBuffer();
}
