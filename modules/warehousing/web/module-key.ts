/** The module key, on its own so that the eager routes do not pull the page helpers into the entry. */
export const MODULE_KEY = 'warehousing';
