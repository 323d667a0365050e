/**
 * TikTok Shop order IDs are 18 digits today (e.g. 576684019603311365); 19 allows for growth. The only
 * 18-digit tracking format we know (FedEx SSCC-18) must start 00, 01, 02 or 04, which order IDs
 * starting 5 never do, so an order ID is rejected, but a number of this length that does pass
 * deserves a second look.
 */
export const TIKTOK_ORDER_ID = /^\d{18,19}$/;

/** Excel and Google Sheets show long numbers like 9.4001E+21 and keep only 15 significant digits. */
export const SPREADSHEET_SCIENTIFIC = /^\d(?:[.,]\d+)?E\+?\d+$/i;

/** "000000000000" passes FedEx's check digit, but 3PL exports use such runs to mean "no tracking yet". */
export const PLACEHOLDER = /^(.)\1+$/;
