/** The Finance API payloads the reconciler reads (reference §8); amounts are TikTok's decimal strings. */
export interface Statement {
	id: string;
	statement_time: number;
	settlement_amount?: string;
	currency?: string;
	payment_status?: string;
}

export interface StatementTransaction {
	id: string;
	type: string;
	order_id?: string;
	adjustment_id?: string;
	adjustment_order_id?: string;
	reserve_id?: string;
	order_create_time?: number;
	settlement_amount?: string;
	revenue_amount?: string;
	revenue_breakdown?: {
		subtotal_before_discount_amount?: string;
		seller_discount_amount?: string;
		refund_subtotal_before_discount_amount?: string;
	};
	shipping_cost_amount?: string;
	fee_tax_amount?: string;
	fee_tax_breakdown?: {
		fee?: {
			platform_commission_amount?: string;
			referral_fee_amount?: string;
			transaction_fee_amount?: string;
			credit_card_handling_fee_amount?: string;
		};
	};
	adjustment_amount?: string;
	reserve_amount?: string;
}

export interface SearchedOrder {
	id: string;
	status: string;
	create_time: number;
	update_time: number;
	delivery_time?: number;
	payment?: { sub_total?: string; currency?: string };
}

export interface OrderStatementTransactions {
	order_id: string;
	sku_transactions?: Array<{ statement_id?: string }>;
}
