/** Where a signed-in user lands, and where 403/404 pages send them back. */
export const HOME_PATH = '/';
export const LOGIN_PATH = '/login';
