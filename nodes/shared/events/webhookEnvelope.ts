/** A TikTok Shop webhook delivery's JSON body (reference §9), as the trigger parses it and the events store keeps it. */
export interface WebhookEnvelope {
	type: number;
	tts_notification_id?: string;
	shop_id?: string;
	creator_open_id?: string;
	timestamp?: number;
	data?: Record<string, unknown>;
}
