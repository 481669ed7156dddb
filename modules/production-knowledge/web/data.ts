import type { StatusOption } from '@mes/web-core/pages';
import type { Article, ArticleInput, ArticleStatus } from './api/article.api';

export { MODULE_KEY } from './module-key';

export { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '@mes/web-core/pages';

export const LIMITS = { title: 200, category: 50, content: 20000, tag: 30, tags: 20 } as const;

/** Status options: value and i18n key of the label. */
export const STATUS_OPTIONS: StatusOption<ArticleStatus>[] = [
  { value: 'draft', labelKey: 'knowledge.status.draft', tagType: 'info' },
  { value: 'published', labelKey: 'knowledge.status.published', tagType: 'success' },
];

/** Suggested categories; the field is free text and stores what the factory types. */
export const CATEGORY_SUGGESTIONS = [
  '作业指导',
  '故障处理',
  '操作技巧',
  '安全规范',
  '质量标准',
  '设备保养',
  '其他',
];

/** Table columns of the list: property, i18n key of the header, widths. */
export const ARTICLE_COLUMNS: { prop: keyof Article; labelKey: string; minWidth: number }[] = [
  { prop: 'title', labelKey: 'knowledge.fields.title', minWidth: 200 },
  { prop: 'category', labelKey: 'knowledge.fields.category', minWidth: 110 },
  { prop: 'tags', labelKey: 'knowledge.fields.tags', minWidth: 150 },
  { prop: 'status', labelKey: 'knowledge.fields.status', minWidth: 90 },
  { prop: 'updatedAt', labelKey: 'knowledge.fields.updatedAt', minWidth: 150 },
];

export interface ArticleForm {
  title: string;
  category: string;
  tags: string[];
  content: string;
  status: ArticleStatus;
}

export function emptyArticleForm(): ArticleForm {
  return { title: '', category: '', tags: [], content: '', status: 'draft' };
}

export function articleToForm(a: Article): ArticleForm {
  return { title: a.title, category: a.category, tags: [...a.tags], content: a.content, status: a.status };
}

/** The request body: trimmed strings, empty and duplicate tags dropped. */
export function formToInput(form: ArticleForm): ArticleInput {
  const tags = [...new Set(form.tags.map((tag) => tag.trim()).filter(Boolean))];
  return {
    title: form.title.trim(),
    category: form.category.trim(),
    tags,
    content: form.content,
    status: form.status,
  };
}

/** API field paths ("tags[2]") to form fields ("tags"). */
export function formFieldOf(path: string): string {
  return path.replace(/\[\d+\].*$/, '').split('.')[0] ?? path;
}
