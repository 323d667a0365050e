import type { Route } from '../route';

export const authorizationRoutes: Route[] = [
	{
		method: 'GET',
		path: '/authorization/202309/shops',
		handle: ({ state }) => ({ shops: [{ ...state.shop }] }),
	},
	{
		method: 'GET',
		path: '/seller/202309/shops',
		handle: ({ state }) => ({ shops: [{ id: state.shop.id, region: state.shop.region }] }),
	},
];
