import { readHtml } from '../../../../nodes/TrackingParser/v1/parsing/htmlToText';

const linesOf = (html: string) => readHtml(html).map((block) => block.lines);

describe('HTML reader', () => {
	it("reads a small table inside a data cell as that cell's words, so the row keeps its width", () => {
		const html = `<table role="presentation"><tr><td>
			<table><tr><th>Order</th><th>Carrier</th><th>Tracking</th></tr>
				<tr><td>576633681693700223</td><td><table><tr><td>USPS</td></tr><tr><td>Priority Mail</td></tr></table></td><td>9400118052217396435956</td></tr>
				<tr><td>LK281134</td><td><table><tr><td>UPS</td></tr><tr><td>Ground</td></tr></table></td><td>1Z5R89390357567127</td></tr>
			</table></td></tr></table>`;
		expect(linesOf(html)).toEqual([
			[
				['Order', 'Carrier', 'Tracking'],
				['576633681693700223', 'USPS Priority Mail', '9400118052217396435956'],
				['LK281134', 'UPS Ground', '1Z5R89390357567127'],
			],
		]);
	});

	it('reads a table as rows of cells, a link by its text, without the link address in the cell', () => {
		const html = `<html><head><title>Shipped</title><style>td { color: red }</style></head><body>
			<p>Hi Juniper &amp; Pine,</p><p>These orders shipped today:</p>
			<table>
				<thead><tr><th>Order #</th><th>Carrier</th><th>Tracking Number</th><th>Ship Date</th></tr></thead>
				<tbody>
					<tr><td>LS1000001</td><td>UPS</td><td><a href="https://www.ups.com/track?tracknum=1Z999AA10123456784&amp;loc=en_US">1Z999AA10123456784</a></td><td>11/26/2026</td></tr>
					<tr><td>LS1000002</td><td>USPS</td><td></td><td>11/26/2026</td></tr>
					<tr><td colspan="4">Shipped with USPS Ground Advantage</td></tr>
					<tr><td>LS1000003</td><td colspan="2">Label pending</td><td>11/27/2026</td></tr>
				</tbody>
			</table>
			<!-- 9400111899223344556677 in a comment -->
			<div style="display: none">Preheader 9400111899223344556677</div>
			<script>var tracking = "9400111899223344556677";</script>
			<p>Questions? Call 512-555-0134.</p></body></html>`;
		expect(linesOf(html)).toEqual([
			[['Hi Juniper & Pine,']],
			[['These orders shipped today:']],
			[
				['Order #', 'Carrier', 'Tracking Number', 'Ship Date'],
				['LS1000001', 'UPS', '1Z999AA10123456784', '11/26/2026'],
				['LS1000002', 'USPS', '', '11/26/2026'],
				['Shipped with USPS Ground Advantage'],
				['LS1000003', 'Label pending', '', '11/27/2026'],
			],
			[['Questions? Call 512-555-0134.']],
		]);
	});

	it('reads nested layout tables as their inner tables, not as one giant cell', () => {
		const html = `<table width="100%"><tr><td>
				<table><tr><td><img src="logo.png"></td><td>Lone Star Fulfillment</td></tr></table>
			</td></tr><tr><td>
				<table>
					<tr><td>Order</td><td>Tracking</td></tr>
					<tr><td>576698200072124908</td><td>1Z999AA10123456784</td></tr>
				</table>
			</td></tr></table>`;
		expect(linesOf(html)).toEqual([
			[['Lone Star Fulfillment']],
			[
				['Order', 'Tracking'],
				['576698200072124908', '1Z999AA10123456784'],
			],
		]);
	});

	it('takes the number from a "Track package" link\'s address only when the link text has none', () => {
		const html = `<p>Order <b>576698200072124908</b> is on its way.</p>
			<p><a href="https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677">Track package</a></p>
			<p><a href="https://www.ups.com/track?tracknums=1Z999AA10123456795">1Z999AA10123456784</a></p>
			<p><a href="https://example.com/unsubscribe?id=12345678901234">Unsubscribe</a></p>`;
		expect(linesOf(html)).toEqual([
			[['Order 576698200072124908 is on its way.']],
			[['Track package USPS 9400111899223344556677']],
			[['1Z999AA10123456784']],
			[['Unsubscribe']],
		]);
	});
});
