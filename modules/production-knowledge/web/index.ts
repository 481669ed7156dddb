// Public face of the production-knowledge web module.
export { routes } from './routes';
export { messages } from './locales';
export * from './api/article.api';
export {
  MODULE_KEY,
  STATUS_OPTIONS,
  CATEGORY_SUGGESTIONS,
  ARTICLE_COLUMNS,
  emptyArticleForm,
  articleToForm,
  formToInput,
  type ArticleForm,
} from './data';
