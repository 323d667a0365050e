import type { Route } from '../route';
import { authorizationRoutes } from './authorization';
import { cancellationRoutes } from './cancellations';
import { eventRoutes } from './events';
import { financeRoutes } from './finance';
import { fulfillmentRoutes } from './fulfillment';
import { imageRoutes } from './images';
import { logisticsRoutes } from './logistics';
import { orderRoutes } from './orders';
import { productRoutes } from './products';
import { returnRoutes } from './returns';
import { shopPerformanceRoutes } from './shopPerformance';

export const allRoutes: Route[] = [
	...authorizationRoutes,
	...orderRoutes,
	...fulfillmentRoutes,
	...logisticsRoutes,
	...productRoutes,
	...imageRoutes,
	...returnRoutes,
	...cancellationRoutes,
	...financeRoutes,
	...eventRoutes,
	...shopPerformanceRoutes,
];
