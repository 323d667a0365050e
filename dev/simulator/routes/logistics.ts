import { ApiError, Code } from '../errors';
import type { Route } from '../route';

export const logisticsRoutes: Route[] = [
	{
		method: 'GET',
		path: '/logistics/202309/warehouses',
		handle: ({ state }) => ({ warehouses: state.warehouses }),
	},
	{
		method: 'GET',
		path: '/logistics/202309/warehouses/{warehouse_id}/delivery_options',
		handle: ({ state, params }) => {
			if (!state.warehouses.some((warehouse) => warehouse.id === params.warehouse_id)) {
				throw new ApiError(
					Code.WAREHOUSE_NOT_FOUND,
					`Warehouse ${params.warehouse_id} does not exist in this shop`,
				);
			}
			return {
				delivery_options: state.deliveryOptions
					.filter((option) => option.warehouseId === params.warehouse_id)
					.map((option) => ({
						id: option.id,
						name: option.name,
						type: option.type,
						description: option.description,
						platform: ['TIKTOK_SHOP'],
						weight_limit: { max_weight: 68000, min_weight: 0, unit: 'GRAM' },
						dimension_limit: { max_height: 274, max_length: 274, max_width: 274, unit: 'CM' },
					})),
			};
		},
	},
	{
		method: 'GET',
		path: '/logistics/202309/delivery_options/{delivery_option_id}/shipping_providers',
		handle: ({ state, params }) => {
			const option = state.deliveryOptions.find(
				(candidate) => candidate.id === params.delivery_option_id,
			);
			if (!option)
				throw new ApiError(
					Code.DELIVERY_OPTION_NOT_FOUND,
					`Delivery option ${params.delivery_option_id} does not exist`,
				);
			if (option.fulfilledByTikTok) {
				throw new ApiError(
					Code.TIKTOK_FULFILLED_OPTION,
					`Delivery option ${option.id} is shipped by TikTok; it has no seller shipping providers`,
				);
			}
			return {
				shipping_providers: state.shippingProviders.filter((provider) =>
					option.shippingProviderIds.includes(provider.id),
				),
			};
		},
	},
];
