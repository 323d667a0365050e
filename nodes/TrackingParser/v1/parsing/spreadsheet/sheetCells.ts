/** What the spreadsheet reader thread sends back: each visible sheet's cells as text, as a person sees them. */

export interface SheetText {
	name: string;
	/** Rows top to bottom, each as wide as the sheet's used range; empty rows are left out. */
	rows: string[][];
	/** Set when only the first rows were read (the limit): how many the sheet has. */
	rowsInSheet?: number;
}

export interface WorkbookText {
	/** The visible sheets. Hidden ones are not read: the person who opens the file does not see them. */
	sheets: SheetText[];
}

export interface SpreadsheetJobOptions {
	/** Rows read per sheet; a longer sheet is read up to here and reported. */
	maxRows: number;
}
