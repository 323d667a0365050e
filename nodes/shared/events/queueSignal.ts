import { EventEmitter } from 'node:events';

/**
 * In a single n8n process the webhook and the redelivery loop live side by side: the webhook wakes the loop at
 * once instead of waiting for its next poll. In queue mode (separate webhook processes) the poll still finds it.
 */
const signals = new EventEmitter();
signals.setMaxListeners(0);

export function signalQueue(queue: string): void {
	signals.emit(queue);
}

export function onQueueSignal(queue: string, listener: () => void): () => void {
	signals.on(queue, listener);
	return () => signals.off(queue, listener);
}
